import Foundation
import GafferCore
import GafferMonitorModel
import Postgres

extension MonitorQueries {
    /// Per-queue counts whose cost does not grow with the backlog: exact (`queueStats`) while at most `cap`
    /// rows are unfinished, else estimated (`estimatedQueueStats`) and marked `isEstimate`.
    ///
    /// The probe reads at most `cap + 1` entries of the unfinished `scheduled_at` index. Without `discarded`,
    /// estimated counts leave the discarded column at 0 (the poller reads it with the slow panes: its
    /// `discardedCap` rows are the dearest part of a refresh).
    public static func queueCounts(_ db: PostgresConnection, now: Date, cap: Int = MonitorLimits.exactCountCap,
                                   sample: Int = MonitorLimits.countSample, sampleStart: UUID = UUID(),
                                   discarded: Bool = true) async throws -> [QueueStats]
    {
        let probe = try await db.query("""
            SELECT count(*) AS n FROM (
              SELECT 1 FROM good_jobs WHERE finished_at IS NULL ORDER BY scheduled_at LIMIT $1
            ) unfinished
            """, [cap + 1])
        if try probe[0].decode("n", as: Int.self) <= cap { return try await queueStats(db, now: now) }
        let estimated = try await estimatedQueueStats(db, now: now, sample: sample, start: sampleStart)
        return discarded ? merging(discarded: try await discardedCounts(db), into: estimated) : estimated
    }

    /// Discarded jobs per queue among the newest `MonitorLimits.discardedCap` (the discarded index).
    public static func discardedCounts(_ db: PostgresConnection) async throws -> [String: Int] {
        let rows = try await db.query(MonitorSQL.newestDiscardedByQueue(limit: "$1"),
                                      [MonitorLimits.discardedCap])
        return try Dictionary(rows.map { (try $0.decode("queue_name"), try $0.decode("discarded")) },
                              uniquingKeysWith: +)
    }

    /// `stats` with their discarded counts set from `discarded`, and a row for each queue only it names.
    public static func merging(discarded: [String: Int], into stats: [QueueStats]) -> [QueueStats] {
        var byName = Dictionary(stats.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(byName.keys).union(discarded.keys) {
            byName[name, default: QueueStats(name: name, isEstimate: true)].discarded = discarded[name] ?? 0
        }
        return Array(byName.values.sorted { $0.name < $1.name }.prefix(MonitorLimits.queues))
    }

    /// Queue counts from a sample of `sample` unfinished rows, for a backlog too large to count at each refresh.
    ///
    /// Job ids are random UUIDs (ActiveJob's `SecureRandom.uuid`, Gaffer's `UUID()`), so the unfinished rows
    /// that follow `start` in id order (wrapping around) are a uniform sample, and the share of the id space
    /// they span estimates the total. Queued, scheduled and retried are that total split as the sample
    /// splits: a relative error of about 1/√(`sample` × share), 3 % for the total at 1,000 rows, 15 % for a
    /// queue holding a twentieth of the backlog; a small queue can read ≈0.
    /// Exact and cheap beside them: the queue names (a loose scan of the unfinished queue index), each
    /// queue's oldest ready job, running jobs that a process has claimed (the `locked_by_id` index: an
    /// interrupted job whose process was cleaned up is not among them). Discarded counts are left at 0.
    public static func estimatedQueueStats(_ db: PostgresConnection, now: Date, sample: Int = MonitorLimits.countSample,
                                           start: UUID = UUID()) async throws -> [QueueStats]
    {
        let columns = """
            id, coalesce(queue_name, '') AS queue_name,
            coalesce(\(MonitorSQL.stateScope(.queued)), false) AS queued,
            coalesce(\(MonitorSQL.stateScope(.scheduled)), false) AS scheduled,
            coalesce(\(MonitorSQL.stateScope(.retried)), false) AS retried
            """
        let sampled = try await db.query(MonitorSQL.unfinishedSample(columns: columns, start: "$2", limit: "$3"),
                                         [now, start, sample])
        var tallies: [String: (queued: Int, scheduled: Int, retried: Int)] = [:]
        for row in sampled {
            var tally = tallies[try row.decode("queue_name"), default: (0, 0, 0)]
            if try row.decode("queued", as: Bool.self) { tally.queued += 1 }
            if try row.decode("scheduled", as: Bool.self) { tally.scheduled += 1 }
            if try row.decode("retried", as: Bool.self) { tally.retried += 1 }
            tallies[try row.decode("queue_name")] = tally
        }
        let last: UUID? = sampled.count == 0 ? nil : try sampled[sampled.count - 1].decode("id")
        let scale = sampled.count < sample ? 1 : last.map { IDSpace.scale(from: start, to: $0) } ?? 1
        let exact = try await db.query("""
            WITH RECURSIVE names AS (
              (SELECT queue_name FROM good_jobs WHERE finished_at IS NULL AND queue_name IS NOT NULL
               ORDER BY queue_name LIMIT 1)
              UNION ALL
              SELECT (SELECT g.queue_name FROM good_jobs g WHERE g.finished_at IS NULL AND g.queue_name > n.queue_name
                      ORDER BY g.queue_name LIMIT 1)
              FROM names n WHERE n.queue_name IS NOT NULL
            ), ready AS (
              SELECT n.queue_name,
                     (SELECT g.scheduled_at FROM good_jobs g
                      WHERE g.finished_at IS NULL AND g.queue_name = n.queue_name AND g.performed_at IS NULL
                        AND g.scheduled_at <= $1 ORDER BY g.scheduled_at LIMIT 1) AS oldest_ready
              FROM names n WHERE n.queue_name IS NOT NULL LIMIT $2
            ), running AS (
              SELECT coalesce(queue_name, '') AS queue_name, count(*) AS running FROM good_jobs
              WHERE locked_by_id IS NOT NULL AND finished_at IS NULL AND performed_at IS NOT NULL GROUP BY 1
            )
            SELECT coalesce(r.queue_name, c.queue_name) AS queue_name, r.oldest_ready, coalesce(c.running, 0) AS running
            FROM ready r FULL JOIN running c ON c.queue_name = r.queue_name
            """, [now, MonitorLimits.queues])
        var stats: [String: QueueStats] = [:]
        for row in exact {
            let name: String = try row.decode("queue_name")
            stats[name] = QueueStats(name: name, running: try row.decode("running"),
                                     oldestReadyAt: try row.decode("oldest_ready"), isEstimate: true)
        }
        for (name, tally) in tallies {
            var queue = stats[name, default: QueueStats(name: name, isEstimate: true)]
            queue.queued = Int((Double(tally.queued) * scale).rounded())
            queue.scheduled = Int((Double(tally.scheduled) * scale).rounded())
            queue.retried = Int((Double(tally.retried) * scale).rounded())
            stats[name] = queue
        }
        return Array(stats.values.sorted { $0.name < $1.name }.prefix(MonitorLimits.queues))
    }
}

/// Positions of UUIDs in the id space, read as the unsigned number of their first 64 bits.
enum IDSpace {
    /// How many rows each sampled row stands for, when the sample runs from `start` to `last` (wrapping):
    /// the inverse of the share of the id space between them.
    static func scale(from start: UUID, to last: UUID) -> Double {
        let span = position(last) &- position(start)
        return span == 0 ? 1 : 0x1p64 / Double(span)
    }

    static func position(_ id: UUID) -> UInt64 {
        withUnsafeBytes(of: id.uuid) { bytes in bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } }
    }
}
