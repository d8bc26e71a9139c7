import Foundation
import GafferCore
import GafferCron
import GafferEngine
import GafferMonitorModel
import GafferStore
import Postgres

/// `gaffer status`: per-queue counts, processes, failures by error class, cron entries and pauses,
/// read in one pass with the monitor's bounded queries.
struct StatusReport {
    struct QueueRow: Equatable {
        var name: String
        var queued = 0
        var scheduled = 0
        var running = 0
        var retried = 0
        var discarded = 0
        var succeededLastHour = 0
        var discardedLastHour = 0
        /// When the oldest job ready to run became due; nil when none waits.
        var oldestReadyAt: Date?
    }

    struct CronRow: Equatable {
        var key: String
        var jobClass: String
        /// The app's schedule; nil for keys only seen in the database (another app's).
        var schedule: String?
        /// Per the app's declaration and the enable/disable settings; for undeclared keys per the settings
        /// alone, nil when they do not name the key.
        var enabled: Bool?
        var lastCronAt: Date?
        var lastState: String?
        var lastJobID: UUID?
        var nextAt: Date?
    }

    var generatedAt: Date
    var database: String
    var queues: [QueueRow]
    /// The discarded counts stopped at `MonitorLimits.discardedCap` rows.
    var discardedCapped: Bool
    /// Queued, scheduled and retried are estimates: more than `MonitorLimits.exactCountCap` jobs are unfinished.
    var countsEstimated = false
    var processes: [ProcessRecord]
    var failures: [FailureGroup]
    var cron: [CronRow]
    /// The app's concurrency limits and throttles, per key, as the engine's limiter sees them; then the
    /// database's other concurrency keys (empty `rule`).
    var limits: [ConcurrencyLimitState]
    var paused: SettingsRecord
    /// The newest batches (`MonitorLimits.batches`) with their progress.
    var batches: [BatchSummary] = []
    /// How far behind the primary the replica the report was read from is; nil when read from the primary.
    var replica: ReplicaLag?

    var totals: QueueRow {
        queues.reduce(into: QueueRow(name: "total")) { total, row in
            total.queued += row.queued
            total.scheduled += row.scheduled
            total.running += row.running
            total.retried += row.retried
            total.discarded += row.discarded
            total.succeededLastHour += row.succeededLastHour
            total.discardedLastHour += row.discardedLastHour
            if let oldest = row.oldestReadyAt { total.oldestReadyAt = min(total.oldestReadyAt ?? oldest, oldest) }
        }
    }

    /// Reads the report from `db`; with `primary` (`db` is then a replica), also the replica's lag.
    static func gather(_ db: PostgresConnection, primary: PostgresConnection? = nil, app: GafferApp, now: Date) async throws
        -> StatusReport
    {
        var replica: ReplicaLag?
        if let primary { replica = try await MonitorQueries.replicaLag(standby: db, primary: primary) }
        let stats = try await MonitorQueries.queueCounts(db, now: now)
        let finished = try await MonitorQueries.finishedCounts(db, since: now.addingTimeInterval(-3600), until: now)
        var rows: [String: QueueRow] = [:]
        for stat in stats {
            rows[stat.name] = QueueRow(name: stat.name, queued: stat.queued, scheduled: stat.scheduled, running: stat.running,
                                       retried: stat.retried, discarded: stat.discarded, oldestReadyAt: stat.oldestReadyAt)
        }
        for counts in finished {
            rows[counts.queue, default: QueueRow(name: counts.queue)].succeededLastHour = counts.succeeded
            rows[counts.queue, default: QueueRow(name: counts.queue)].discardedLastHour = counts.failed
        }
        let settings = try await MonitorQueries.settings(db)
        return StatusReport(
            generatedAt: now, database: await db.config.displayName,
            queues: rows.values.sorted { $0.name < $1.name },
            discardedCapped: stats.reduce(0) { $0 + $1.discarded } >= MonitorLimits.discardedCap,
            countsEstimated: stats.contains(where: \.isEstimate),
            processes: try await MonitorQueries.processes(db, now: now),
            failures: try await MonitorQueries.failureGroups(db, now: now),
            cron: cronRows(declared: app.cron, seen: try await MonitorQueries.cronEntries(db, now: now),
                           settings: settings, now: now),
            limits: limitRows(declared: try await Limiter(registry: app.registry).states(db, now: now),
                              seen: try await MonitorQueries.concurrencyKeys(db, now: now)),
            paused: settings,
            batches: try await MonitorQueries.batches(db), replica: replica)
    }

    /// The app's limits and throttles, then the concurrency keys of unfinished jobs it does not declare
    /// (another app's, or Ruby's): those with their counts and no rule.
    static func limitRows(declared: [ConcurrencyLimitState], seen: [ConcurrencyKeyStats]) -> [ConcurrencyLimitState] {
        let known = Set(declared.map(\.key))
        return declared + seen.filter { !known.contains($0.key) }.map {
            ConcurrencyLimitState(key: $0.key, rule: "", inUse: $0.running, limit: nil, waiting: $0.waiting)
        }
    }

    /// The app's entries (with their next fire time), then keys only the database knows: from job rows,
    /// then from the enable/disable settings.
    static func cronRows(declared: [CronEntry], seen: [CronKeyRun], settings: SettingsRecord, now: Date) -> [CronRow] {
        var rows: [CronRow] = declared.map { entry in
            let last = seen.first { $0.key == entry.key }
            let enabled = settings.isCronEnabled(entry.key, byDefault: entry.enabledByDefault)
            return CronRow(key: entry.key, jobClass: entry.jobClass, schedule: entry.scheduleText, enabled: enabled,
                           lastCronAt: last?.lastCronAt, lastState: last?.lastState.rawValue, lastJobID: last?.lastJobID,
                           nextAt: entry.schedule.next(after: now))
        }
        func setting(_ key: String) -> Bool? {
            settings.cronKeysDisabled.contains(key) ? false : settings.cronKeysEnabled.contains(key) ? true : nil
        }
        for entry in seen where !declared.contains(where: { $0.key == entry.key }) {
            rows.append(CronRow(key: entry.key, jobClass: entry.jobClass, enabled: setting(entry.key),
                                lastCronAt: entry.lastCronAt, lastState: entry.lastState.rawValue, lastJobID: entry.lastJobID))
        }
        var listed = Set(rows.map(\.key))
        for key in settings.cronKeysEnabled + settings.cronKeysDisabled where listed.insert(key).inserted {
            rows.append(CronRow(key: key, jobClass: "", enabled: setting(key)))
        }
        return rows
    }
}
