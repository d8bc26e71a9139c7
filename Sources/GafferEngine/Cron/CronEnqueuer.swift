import Foundation
import GafferCore
import GafferCron
import GafferStore
import Logging
import Postgres

/// Enqueues cron entries at their fire times, de-duplicated across every process (contract §6).
///
/// Each fire enqueues with `cron_key` = the entry's key and `cron_at` = the fire time in whole
/// seconds, UTC; the partial unique index on `(cron_key, cron_at)` lets exactly one process's
/// insert through, Ruby processes included, and the others' are dropped silently. Whether an
/// entry is enabled is read from `good_job_settings` at every fire. The enqueuer runs on the
/// worker's maintenance tick (about every second), so every fire time that came due since the
/// last tick is enqueued, at most `maxCatchUp` per entry: after a longer stall the older fire
/// times are skipped, as GoodJob skips fire times it missed.
public actor CronEnqueuer {
    /// What this process's enqueuer did, for logs, the screen and tests.
    public struct Statistics: Sendable, Hashable {
        /// Fire times that came due.
        public var fired = 0
        /// Jobs this process inserted.
        public var inserted = 0
        /// Fire times another process had already enqueued.
        public var duplicates = 0
        /// Fire times of disabled entries.
        public var disabled = 0
        /// Fire times refused by the job type's enqueue limits.
        public var refused = 0

        public init(fired: Int = 0, inserted: Int = 0, duplicates: Int = 0, disabled: Int = 0, refused: Int = 0) {
            self.fired = fired
            self.inserted = inserted
            self.duplicates = duplicates
            self.disabled = disabled
            self.refused = refused
        }
    }

    /// The most fire times of one entry enqueued in one tick.
    public static let maxCatchUp = 60

    public let entries: [CronEntry]
    private let registry: JobRegistry
    private let logger: Logger
    private var nextFire: [String: Date] = [:]
    public private(set) var statistics = Statistics()

    /// `registry` supplies the default queue, priority, labels and enqueue limits of entries whose class it knows.
    public init(entries: [CronEntry], registry: JobRegistry = JobRegistry(), logger: Logger = .silent) {
        self.entries = entries
        self.registry = registry
        self.logger = logger
    }

    /// Runs this enqueuer on `worker`'s maintenance tick if the worker has cron enabled; returns whether it does.
    @discardableResult
    public func install(on worker: Worker) async -> Bool {
        guard worker.configuration.enableCron, !entries.isEmpty else { return false }
        await worker.addMaintenanceHook { db, now in try await self.tick(db, now: now) }
        return true
    }

    /// The next fire time of each entry, once the first tick has started the schedule.
    public var nextFireTimes: [String: Date] { nextFire }

    /// Enqueues every fire time due at `now`; the first tick only starts the schedule.
    public func tick(_ db: PostgresConnection, now: Date) async throws {
        var due: [(entry: CronEntry, times: [Date], following: Date?)] = []
        for entry in entries {
            guard let next = nextFire[entry.key] else {
                nextFire[entry.key] = entry.schedule.next(after: now)
                continue
            }
            guard next <= now else { continue }
            // The due fire times, newest first from `now` back to `next`, at most `maxCatchUp`.
            var times: [Date] = []
            var earlier = entry.schedule.previous(before: now.addingTimeInterval(0.001))
            while let time = earlier, time >= next, times.count < Self.maxCatchUp {
                times.insert(time, at: 0)
                earlier = entry.schedule.previous(before: time)
            }
            due.append((entry, times, entry.schedule.next(after: now)))
        }
        guard !due.isEmpty else { return }
        let settings = try await CronSettingsSQL.read(db)
        for (entry, times, following) in due {
            statistics.fired += times.count
            if settings.isEnabled(entry.key, byDefault: entry.enabledByDefault) {
                for time in times { try await enqueue(entry, cronAt: time, db, now: now) }
            } else {
                statistics.disabled += times.count
            }
            // Advanced only once handled: a failed enqueue is retried at the next tick.
            nextFire[entry.key] = following
        }
    }

    private func enqueue(_ entry: CronEntry, cronAt: Date, _ db: PostgresConnection, now: Date) async throws {
        do {
            if try await Self.enqueue(entry, cronAt: cronAt, db, registry: registry, now: now) != nil {
                statistics.inserted += 1
            } else {
                statistics.duplicates += 1
            }
        } catch let refusal as ConcurrencyLimitExceeded {
            statistics.refused += 1
            logger.warning("cron \(entry.key): \(refusal)")
        }
    }

    /// The dashboard's "Enqueue now": the entry's job with `cron_at = now`, so it never collides with a fire.
    ///
    /// As GoodJob v4.19.2's dashboard writes it (`CronEntriesController#enqueue` calls
    /// `enqueue(Time.current)`); only Ruby code calling `CronEntry#enqueue` with no argument writes NULL.
    @discardableResult
    public static func enqueueNow(_ entry: CronEntry, _ db: PostgresConnection, registry: JobRegistry = JobRegistry(),
                                  now: Date = Date()) async throws -> UUID? {
        try await enqueue(entry, cronAt: now, db, registry: registry, now: now)
    }

    /// Enqueues one run of `entry`; nil when a job with the same `cron_key` and `cron_at` exists.
    static func enqueue(_ entry: CronEntry, cronAt: Date, _ db: PostgresConnection, registry: JobRegistry,
                        now: Date) async throws -> UUID? {
        let client = GafferClient(connection: db, clock: { now })
        let options = EnqueueOptions(queue: entry.queue, priority: entry.priority, delay: entry.wait,
                                     labels: entry.labels, cronKey: entry.key, cronAt: cronAt)
        return try await client.enqueue(className: entry.jobClass, arguments: entry.arguments,
                                        defaults: registry.type(named: entry.jobClass), options).first
    }
}
