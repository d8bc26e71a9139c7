import Foundation
import GafferMonitorModel
import Postgres

/// Adds and removes fleet-wide pauses in the `pauses` setting (contract §8), as GoodJob's Pauses page does.
public enum PauseSettings {
    /// Adds `name` to the `kind` list (no-op when present); creates the row with three empty lists if missing.
    public static func pause(_ kind: PauseKind, _ name: String, now: Date, on db: isolated PostgresConnection) throws {
        try db.transaction { conn in
            try ensureRow(now: now, on: conn)
            try conn.query("""
                UPDATE good_job_settings SET updated_at = $1, value = jsonb_set(value, ARRAY[$2::text],
                  CASE WHEN jsonb_typeof(value->$2) = 'array' THEN
                         CASE WHEN value->$2 ? $3 THEN value->$2 ELSE (value->$2) || to_jsonb($3::text) END
                       ELSE jsonb_build_array($3::text) END)
                WHERE key = 'pauses'
                """, [now, kind.rawValue, name])
        }
    }

    /// Removes `name` from the `kind` list (no-op when absent).
    public static func unpause(_ kind: PauseKind, _ name: String, now: Date, on db: isolated PostgresConnection) throws {
        try db.query("""
            UPDATE good_job_settings SET updated_at = $1, value = jsonb_set(value, ARRAY[$2::text], (value->$2) - $3::text)
            WHERE key = 'pauses' AND jsonb_typeof(value->$2) = 'array' AND value->$2 ? $3
            """, [now, kind.rawValue, name])
    }

    static func ensureRow(now: Date, on db: isolated PostgresConnection) throws {
        try db.query("""
            INSERT INTO good_job_settings (id, created_at, updated_at, key, value)
            VALUES (gen_random_uuid(), $1, $1, 'pauses', '{"queues": [], "job_classes": [], "labels": []}'::jsonb)
            ON CONFLICT (key) DO NOTHING
            """, [now])
    }
}
