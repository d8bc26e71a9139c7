import Foundation
import GafferCore
import GafferMonitorModel
import Postgres

/// The read-only queries behind the monitor's panes, each bounded and cheap on large tables.
///
/// Costs: unfinished counts read the `finished_at IS NULL` partial indexes; discarded counts read
/// at most `MonitorLimits.discardedCap` entries of the discarded index; throughput reads only the
/// finished rows of one refresh window; no list query selects arguments or backtraces.
/// `now` is the application's clock, as GoodJob compares against it (contract §1.1).
public enum MonitorQueries {
    /// Per-queue counts by GoodJob's state scopes (the dashboard's tabs, contract §2.2) and the oldest
    /// ready job's due time.
    ///
    /// The scopes, not the per-row badge: a job retried once still counts as scheduled (its
    /// `serialized_params.executions` is 1), and rows without `executions` are neither scheduled nor retried.
    public static func queueStats(_ db: PostgresConnection, now: Date) async throws -> [QueueStats] {
        let rows = try await db.query(queueStatsSQL, queueStatsValues(now: now))
        return try rows.map { row in
            QueueStats(name: try row.decode("queue_name"), queued: try row.decode("queued"),
                       scheduled: try row.decode("scheduled"), running: try row.decode("running"),
                       retried: try row.decode("retried"), discarded: try row.decode("discarded"),
                       oldestReadyAt: try row.decode("oldest_ready"))
        }
    }

    /// The Queues pane's query (`$1` now, `$2` the discarded cap, `$3` the queue limit); the benchmark explains it.
    public static let queueStatsSQL = """
            WITH unfinished AS (
              SELECT coalesce(queue_name, '') AS queue_name,
                count(*) FILTER (WHERE \(MonitorSQL.stateScope(.queued))) AS queued,
                count(*) FILTER (WHERE \(MonitorSQL.stateScope(.scheduled))) AS scheduled,
                count(*) FILTER (WHERE \(MonitorSQL.stateScope(.retried))) AS retried,
                count(*) FILTER (WHERE \(MonitorSQL.stateScope(.running))) AS running,
                min(coalesce(scheduled_at, created_at))
                  FILTER (WHERE performed_at IS NULL AND coalesce(scheduled_at, created_at) <= $1) AS oldest_ready
              FROM good_jobs WHERE finished_at IS NULL GROUP BY 1
            ), discarded AS (\(MonitorSQL.newestDiscardedByQueue(limit: "$2")))
            SELECT coalesce(u.queue_name, d.queue_name) AS queue_name,
                   coalesce(u.queued, 0) AS queued, coalesce(u.scheduled, 0) AS scheduled,
                   coalesce(u.retried, 0) AS retried, coalesce(u.running, 0) AS running,
                   coalesce(d.discarded, 0) AS discarded, u.oldest_ready
            FROM unfinished u FULL JOIN discarded d ON u.queue_name = d.queue_name
            ORDER BY 1 LIMIT $3
            """

    public static func queueStatsValues(now: Date) -> [any PostgresEncodable] {
        [now, MonitorLimits.discardedCap, MonitorLimits.queues]
    }

    /// The queues of the newest `limit` finished jobs (the finished-at index, newest first): queues
    /// with no unfinished job left still get their row.
    public static func recentQueueNames(_ db: PostgresConnection, limit: Int = 1000) async throws -> [String] {
        let rows = try await db.query("""
            SELECT DISTINCT queue_name FROM (
              SELECT coalesce(queue_name, '') AS queue_name FROM good_jobs
              WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT $1
            ) newest
            """, [limit])
        return try rows.map { try $0.decode("queue_name") }
    }

    /// Jobs finished in `(since, until]`, per queue (throughput between two refreshes).
    public static func finishedCounts(_ db: PostgresConnection, since: Date, until: Date) async throws
        -> [FinishedCounts]
    {
        let rows = try await db.query("""
            SELECT coalesce(queue_name, '') AS queue_name,
                   count(*) FILTER (WHERE error IS NULL) AS succeeded,
                   count(*) FILTER (WHERE error IS NOT NULL) AS failed
            FROM good_jobs WHERE finished_at > $1 AND finished_at <= $2 GROUP BY 1
            """, [since, until])
        return try rows.map {
            FinishedCounts(queue: try $0.decode("queue_name"), succeeded: try $0.decode("succeeded"),
                           failed: try $0.decode("failed"))
        }
    }

    /// Started, unfinished jobs of every process, longest-running first.
    ///
    /// With `claimedOnly`, only jobs a process has claimed (`locked_by_id`, read from its small index instead
    /// of every unfinished row): for large backlogs; an interrupted job whose process was cleaned up is left out.
    public static func runningJobs(_ db: PostgresConnection, limit: Int = MonitorLimits.runningJobs,
                                   claimedOnly: Bool = false) async throws
        -> [RunningJob]
    {
        let rows = try await db.query("""
            SELECT id, coalesce(job_class, '') AS job_class, coalesce(queue_name, '') AS queue_name, priority,
                   performed_at, coalesce(executions_count, 0) AS attempt, locked_by_id
            FROM good_jobs WHERE finished_at IS NULL AND performed_at IS NOT NULL
              \(claimedOnly ? "AND locked_by_id IS NOT NULL" : "")
            ORDER BY performed_at, id LIMIT $1
            """, [limit])
        return try rows.map {
            RunningJob(id: try $0.decode("id"), jobClass: try $0.decode("job_class"),
                       queue: try $0.decode("queue_name"), priority: try $0.decode("priority"),
                       performedAt: try $0.decode("performed_at"), attempt: try $0.decode("attempt"),
                       processID: try $0.decode("locked_by_id"))
        }
    }

    /// Worker processes, newest first, with GoodJob's active rule evaluated (contract §5).
    public static func processes(_ db: PostgresConnection, now: Date) async throws -> [ProcessRecord] {
        let key = MonitorSQL.lockKey(table: "good_job_processes", idColumn: "p.id")
        let schedulers = """
            jsonb_array_elements(CASE WHEN jsonb_typeof(p.state->'schedulers') = 'array'
                                      THEN p.state->'schedulers' ELSE '[]'::jsonb END)
            """
        let rows = try await db.query("""
            SELECT p.id, p.created_at, p.updated_at,
                   coalesce(p.state->>'hostname', '') AS hostname,
                   \(MonitorSQL.jsonInt("p.state->'pid'")) AS pid,
                   \(MonitorSQL.jsonInt("p.state->'memory'")) AS memory,
                   coalesce(p.state->>'proctitle', '') AS proctitle,
                   coalesce((SELECT string_agg(coalesce(s->>'queues', '*') || ':' || coalesce(s->>'max_threads', '?'), '; ')
                             FROM \(schedulers) s), '') AS pools,
                   ARRAY(SELECT coalesce(s->>'queues', '*') FROM \(schedulers) s) AS queue_selections,
                   coalesce((SELECT sum(\(MonitorSQL.jsonInt("s->'max_threads'"))) FROM \(schedulers) s), 0) AS max_threads,
                   coalesce((SELECT sum(\(MonitorSQL.jsonInt("s->'active_threads'"))) FROM \(schedulers) s), 0)
                     AS active_threads,
                   CASE WHEN p.lock_type = 0 THEN \(MonitorSQL.lockHeld(key))
                        ELSE p.lock_type IS NULL AND p.updated_at > $1::timestamp - interval '5 minutes' END AS active
            FROM good_job_processes p ORDER BY p.created_at DESC, p.id LIMIT $2
            """, [now, MonitorLimits.processes])
        return try rows.map {
            ProcessRecord(id: try $0.decode("id"), hostname: try $0.decode("hostname"), pid: try $0.decode("pid"),
                          memoryKiB: try $0.decode("memory"), proctitle: try $0.decode("proctitle"),
                          pools: try $0.decode("pools"), queueSelections: try $0.decode("queue_selections"),
                          maxThreads: try $0.decode("max_threads"),
                          activeThreads: try $0.decode("active_threads"), startedAt: try $0.decode("created_at"),
                          heartbeatAt: try $0.decode("updated_at"), isActive: try $0.decode("active"))
        }
    }

    /// Failures of the last 24 hours grouped by error class, job class and first application frame, most frequent first.
    ///
    /// Discarded jobs come from the discarded index (`finished_at` window), counted exactly. Retrying jobs (unfinished,
    /// carrying an error, dated by `updated_at`: their last attempt's end) have no index of their own, so they are read
    /// from at most `cap` + 1 unfinished rows from `sampleStart` in id order: exact while at most `cap` rows are
    /// unfinished, else a uniform sample (random ids, as in `estimatedQueueStats`) scaled by the share of the id space
    /// it spans and marked as estimates (`sampled`). The cost is bounded by `cap`, not the backlog; a group's newest job is the
    /// newest the sample saw.
    public static func failureGroups(_ db: PostgresConnection, now: Date, cap: Int = MonitorLimits.exactCountCap,
                                     sampleStart: UUID = UUID()) async throws -> [FailureGroup]
    {
        let patterns: [any PostgresEncodable] = [BacktraceFrame.applicationPattern, BacktraceFrame.frameworkPattern]
        let discarded = try await db.query("""
            SELECT \(failureGroupColumns) FROM (
              SELECT 'discarded' AS kind, \(MonitorSQL.errorClass) AS error_class,
                     coalesce(job_class, '') AS job_class, finished_at AS at, id, \(MonitorSQL.firstApplicationFrame) AS frame
              FROM good_jobs
              WHERE finished_at IS NOT NULL AND error IS NOT NULL AND finished_at > $1::timestamp - interval '24 hours'
            ) failures
            GROUP BY 1, 2, 3, 4 ORDER BY last_day DESC, latest_at DESC LIMIT $2
            """, [now, MonitorLimits.failureGroups] + patterns)
        let sampled = try await db.query("""
            WITH sampled AS (
            \(MonitorSQL.unfinishedSample(columns: "id, updated_at, error IS NOT NULL AS failed", start: "$5", limit: "$6"))
            ), span AS (
              SELECT count(*) AS sampled,
                     coalesce((SELECT id FROM sampled WHERE id < $5 ORDER BY id DESC LIMIT 1),
                              (SELECT id FROM sampled ORDER BY id DESC LIMIT 1)) AS last_id
              FROM sampled
            )
            SELECT groups.*, span.sampled, span.last_id FROM span LEFT JOIN (
              SELECT \(failureGroupColumns) FROM (
                SELECT 'retrying' AS kind, \(MonitorSQL.errorClass) AS error_class, coalesce(job_class, '') AS job_class,
                       updated_at AS at, id, \(MonitorSQL.firstApplicationFrame) AS frame
                FROM good_jobs
                WHERE id IN (SELECT id FROM sampled WHERE failed AND updated_at > $1::timestamp - interval '24 hours')
                  AND finished_at IS NULL AND error IS NOT NULL
              ) failures
              GROUP BY 1, 2, 3, 4 ORDER BY last_day DESC, latest_at DESC LIMIT $2
            ) groups ON true
            """, [now, MonitorLimits.failureGroups] + patterns + [sampleStart, cap + 1])
        var groups = try discarded.map { try failureGroup($0, scale: nil) }
        if let first = sampled.first {
            let count: Int = try first.decode("sampled")
            let last: UUID? = try first.decode("last_id")
            let scale = count <= cap ? nil : last.map { IDSpace.scale(from: sampleStart, to: $0) }
            for row in sampled where try row.decode("kind", as: String?.self) != nil {
                groups.append(try failureGroup(row, scale: scale))
            }
        }
        groups.sort { ($0.lastDay, $0.latestAt) > ($1.lastDay, $1.latestAt) }
        return Array(groups.prefix(MonitorLimits.failureGroups))
    }

    /// A failure group's aggregates over `failures(kind, error_class, job_class, frame, at, id)`; `$1` is now.
    static let failureGroupColumns = """
        kind, error_class, job_class, frame,
        count(*) FILTER (WHERE at > $1::timestamp - interval '1 hour') AS last_hour,
        count(*) AS last_day, max(at) AS latest_at, (array_agg(id ORDER BY at DESC, id))[1] AS latest_id
        """

    /// A group from its row; with `scale`, its counts are a sample's, scaled up and marked as estimates.
    static func failureGroup(_ row: PostgresRow, scale: Double?) throws -> FailureGroup {
        func scaled(_ n: Int) -> Int { scale.map { Int((Double(n) * $0).rounded()) } ?? n }
        return FailureGroup(kind: FailureGroup.Kind(rawValue: try row.decode("kind")) ?? .discarded,
                            errorClass: try row.decode("error_class"), jobClass: try row.decode("job_class"),
                            lastHour: scaled(try row.decode("last_hour")), lastDay: scaled(try row.decode("last_day")),
                            latestAt: try row.decode("latest_at"), latestJobID: try row.decode("latest_id"),
                            firstFrame: try row.decode("frame"), sampled: scale == nil ? nil : try row.decode("last_day"))
    }

    /// The newest job of each cron key (and the one before it), by a loose index scan over
    /// `(cron_key, cron_at)`: cost grows with the number of keys, not of cron jobs kept.
    public static func cronEntries(_ db: PostgresConnection, now: Date) async throws -> [CronKeyRun] {
        let rows = try await db.query("""
            WITH RECURSIVE keys AS (
              (SELECT cron_key FROM good_jobs WHERE cron_key IS NOT NULL ORDER BY cron_key LIMIT 1)
              UNION ALL
              SELECT (SELECT g.cron_key FROM good_jobs g WHERE g.cron_key > keys.cron_key ORDER BY g.cron_key LIMIT 1)
              FROM keys WHERE keys.cron_key IS NOT NULL
            )
            SELECT keys.cron_key, last.id, last.job_class, last.cron_at, last.state,
                   (SELECT g.cron_at FROM good_jobs g WHERE g.cron_key = keys.cron_key
                    ORDER BY g.cron_at DESC NULLS LAST OFFSET 1 LIMIT 1) AS previous_cron_at
            FROM keys CROSS JOIN LATERAL (
              SELECT id, coalesce(job_class, '') AS job_class, cron_at, \(MonitorSQL.stateCase) AS state
              FROM good_jobs WHERE cron_key = keys.cron_key ORDER BY cron_at DESC NULLS LAST LIMIT 1
            ) last
            WHERE keys.cron_key IS NOT NULL
            LIMIT $2
            """, [now, MonitorLimits.cronEntries])
        return try rows.map {
            CronKeyRun(key: try $0.decode("cron_key"), jobClass: try $0.decode("job_class"),
                      lastCronAt: try $0.decode("cron_at"), previousCronAt: try $0.decode("previous_cron_at"),
                      lastJobID: try $0.decode("id"),
                      lastState: JobState(rawValue: try $0.decode("state")) ?? .queued)
        }
    }

    /// Unfinished jobs per concurrency key, busiest first (from the unfinished concurrency-key index),
    /// the waiting ones also by GoodJob's state scopes (`now`: the application's clock).
    public static func concurrencyKeys(_ db: PostgresConnection, now: Date) async throws -> [ConcurrencyKeyStats] {
        let rows = try await db.query("""
            SELECT concurrency_key,
                   count(*) FILTER (WHERE performed_at IS NOT NULL) AS running,
                   count(*) FILTER (WHERE performed_at IS NULL) AS waiting,
                   count(*) FILTER (WHERE \(MonitorSQL.stateScope(.queued))) AS queued,
                   count(*) FILTER (WHERE \(MonitorSQL.stateScope(.scheduled))) AS scheduled,
                   count(*) FILTER (WHERE \(MonitorSQL.stateScope(.retried))) AS retried
            FROM good_jobs WHERE finished_at IS NULL AND concurrency_key IS NOT NULL
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT $2
            """, [now, MonitorLimits.concurrencyKeys])
        return try rows.map {
            ConcurrencyKeyStats(key: try $0.decode("concurrency_key"), running: try $0.decode("running"),
                                waiting: try $0.decode("waiting"), queued: try $0.decode("queued"),
                                scheduled: try $0.decode("scheduled"), retried: try $0.decode("retried"))
        }
    }

    /// Pauses and cron enable/disable lists; missing rows or keys read as empty lists.
    public static func settings(_ db: PostgresConnection) async throws -> SettingsRecord {
        func list(_ key: String, _ path: String) -> String {
            """
            ARRAY(SELECT jsonb_array_elements_text(value\(path)) FROM good_job_settings
                  WHERE key = '\(key)' AND jsonb_typeof(value\(path)) = 'array')
            """
        }
        let rows = try await db.query("""
            SELECT \(list("pauses", "->'queues'")) AS queues,
                   \(list("pauses", "->'job_classes'")) AS job_classes,
                   \(list("pauses", "->'labels'")) AS labels,
                   \(list("cron_keys_enabled", "")) AS cron_enabled,
                   \(list("cron_keys_disabled", "")) AS cron_disabled,
                   (SELECT updated_at FROM good_job_settings WHERE key = 'pauses') AS paused_since
            """)
        guard let row = rows.first else { return SettingsRecord() }
        return SettingsRecord(pausedQueues: try row.decode("queues"), pausedJobClasses: try row.decode("job_classes"),
                              pausedLabels: try row.decode("labels"), cronKeysEnabled: try row.decode("cron_enabled"),
                              cronKeysDisabled: try row.decode("cron_disabled"), pausedSince: try row.decode("paused_since"))
    }
}
