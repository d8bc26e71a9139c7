import Foundation
import Postgres

/// Reads a concurrency scope's usage in one statement (the monitor's limits pane).
public enum LimitStateSQL {
    /// What a throttle window counts: attempt starts (`perform_throttle`) or enqueued rows (`enqueue_throttle`).
    public enum Window: Sendable {
        case starts
        case enqueues
    }

    static func statement(_ scope: ConcurrencyScope, window: Window) -> String {
        let inScope = scope.predicate(parameter: 1)
        let windowRows = switch window {
        case .starts:
            """
            SELECT e.created_at AS at FROM good_job_executions e JOIN good_jobs g ON g.id = e.active_job_id
            WHERE \(inScope) AND e.created_at > $2 AND e.error IS DISTINCT FROM $3
            """
        case .enqueues:
            "SELECT g.created_at AS at FROM good_jobs g WHERE \(inScope) AND g.created_at > $2"
        }
        return """
            WITH win AS (\(windowRows))
            SELECT
              (SELECT count(*) FROM good_jobs g WHERE \(inScope) AND g.performed_at IS NOT NULL
                 AND g.finished_at IS NULL AND g.locked_by_id IS NOT NULL) AS running,
              (SELECT count(*) FROM good_jobs g WHERE \(inScope) AND g.finished_at IS NULL
                 AND g.locked_by_id IS NULL) AS waiting,
              (SELECT count(*) FROM win) AS window_count,
              ARRAY(SELECT at::text FROM win ORDER BY at DESC LIMIT $4) AS window_newest,
              (SELECT count(*) FROM good_job_executions e JOIN good_jobs g ON g.id = e.active_job_id
               WHERE \(inScope) AND e.created_at > $5 AND e.error IN ($3, $6)) AS deferrals
            """
    }

    /// The usage of `scope`: window of `period` seconds before `now` keeping the newest `keep`
    /// instants (pass 0 and 0 without a throttle), deferrals counted since `deferralsSince`.
    public static func usage(_ db: PostgresConnection, _ scope: ConcurrencyScope, now: Date, window: Window = .starts,
                             period: TimeInterval = 0, keep: Int = 0, deferralsSince: Date) async throws -> ScopeUsage {
        let rows = try await db.query(statement(scope, window: window), [
            scope.value, now.addingTimeInterval(-period), LimitSQL.throttleExceededError, keep, deferralsSince,
            LimitSQL.concurrencyExceededError,
        ])
        guard let row = rows.first else {
            return ScopeUsage(running: 0, waiting: 0, windowCount: 0, windowNewest: [], recentDeferrals: 0)
        }
        let newest = try row.decode("window_newest", as: [String].self).map(PostgresTimestamp.parse)
        return ScopeUsage(running: try row.decode("running"), waiting: try row.decode("waiting"),
                          windowCount: period > 0 ? try row.decode("window_count") : 0,
                          windowNewest: period > 0 ? newest : [], recentDeferrals: try row.decode("deferrals"))
    }

    /// The distinct `concurrency_key` values of unfinished rows of `jobClass` (keys computed from arguments), at most `limit`.
    public static func activeKeys(_ db: PostgresConnection, jobClass: String, limit: Int = 20) async throws -> [String] {
        let rows = try await db.query("""
            SELECT DISTINCT concurrency_key FROM good_jobs
            WHERE job_class = $1 AND finished_at IS NULL AND concurrency_key IS NOT NULL
            ORDER BY concurrency_key LIMIT $2
            """, [jobClass, limit])
        return try rows.map { try $0.decode("concurrency_key", as: String.self) }
    }
}
