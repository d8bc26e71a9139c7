import Foundation
import GafferCore
import Postgres

/// Reads and writes the cron enable/disable lists, as GoodJob's dashboard does (contract §8).
public enum CronSettingsSQL {
    static let enabledKey = "cron_keys_enabled"
    static let disabledKey = "cron_keys_disabled"

    /// Both lists; a missing row or a value that is not an array reads as empty.
    public static func read(_ db: PostgresConnection) async throws -> CronKeySettings {
        let rows = try await db.query("""
            SELECT s.key, ARRAY(SELECT jsonb_array_elements_text(s.value)) AS keys FROM good_job_settings s
            WHERE s.key IN ($1, $2) AND jsonb_typeof(s.value) = 'array'
            """, [enabledKey, disabledKey])
        var settings = CronKeySettings()
        for row in rows {
            let keys = Set(try row.decode("keys", as: [String].self))
            if try row.decode("key", as: String.self) == enabledKey { settings.enabled = keys } else { settings.disabled = keys }
        }
        return settings
    }

    /// Dashboard "Enable": adds `key` to `cron_keys_enabled` and removes it from `cron_keys_disabled`.
    public static func enable(_ db: PostgresConnection, key: String, now: Date) async throws {
        try await db.transaction { conn in
            try add(conn, key, to: enabledKey, now: now)
            try remove(conn, key, from: disabledKey, now: now)
        }
    }

    /// Dashboard "Disable": adds `key` to `cron_keys_disabled` and removes it from `cron_keys_enabled`.
    public static func disable(_ db: PostgresConnection, key: String, now: Date) async throws {
        try await db.transaction { conn in
            try add(conn, key, to: disabledKey, now: now)
            try remove(conn, key, from: enabledKey, now: now)
        }
    }

    static func add(_ db: isolated PostgresConnection, _ key: String, to setting: String, now: Date) throws {
        try db.query("""
            INSERT INTO good_job_settings (id, created_at, updated_at, key, value)
            VALUES (gen_random_uuid(), $1, $1, $2, jsonb_build_array($3::text))
            ON CONFLICT (key) DO UPDATE SET updated_at = $1,
              value = CASE WHEN jsonb_typeof(good_job_settings.value) <> 'array' THEN jsonb_build_array($3::text)
                           WHEN good_job_settings.value ? $3 THEN good_job_settings.value
                           ELSE good_job_settings.value || to_jsonb($3::text) END
            """, [now, setting, key])
    }

    static func remove(_ db: isolated PostgresConnection, _ key: String, from setting: String, now: Date) throws {
        try db.query("""
            UPDATE good_job_settings SET updated_at = $1, value = value - $3::text
            WHERE key = $2 AND jsonb_typeof(value) = 'array' AND value ? $3
            """, [now, setting, key])
    }
}
