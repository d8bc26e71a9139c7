import Foundation
import GafferCore
import Postgres

/// Which cron keys the database knows: a job row carries the key, or the enable/disable settings list it.
///
/// Schedules live only in application configuration (contract §6), so this is all a process that does
/// not declare an entry can learn of it.
public enum CronKeyLookup {
    /// Whether `key` is on a job row (GoodJob's `(cron_key, created_at)` index) or in either settings list.
    public static func isSeen(_ db: PostgresConnection, key: String) async throws -> Bool {
        let rows = try await db.query("""
            SELECT EXISTS (SELECT 1 FROM good_jobs WHERE cron_key = $1)
                OR EXISTS (SELECT 1 FROM good_job_settings
                           WHERE key IN ($2, $3) AND jsonb_typeof(value) = 'array' AND value ? $1) AS seen
            """, [key, CronSettingsSQL.enabledKey, CronSettingsSQL.disabledKey])
        return try rows.first?.decode("seen", as: Bool.self) ?? false
    }
}
