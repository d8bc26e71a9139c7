import Foundation
import GafferCore
import GafferCron
import GafferEngine
import GafferMonitor
import GafferMonitorModel
import Postgres
import Synchronization

/// The co-hosted worker as the screen reads it: a copy of the engine's exact state, refreshed
/// every 100 ms off the UI thread, so `snapshot()` never waits on the worker actor.
///
/// The limiter's per-key limits and throttles are counted once a second on a connection of their
/// own (only when the app registers concurrency rules); a failed count keeps the last one shown.
final class WorkerLocalSource: LocalWorkerSource {
    private let worker: Worker
    private let cron: [LocalWorkerSnapshot.CronSchedule]
    /// The worker's log ring, read at each snapshot (nil: its log is not kept).
    private let log: (@Sendable () -> LogRing)?
    private let latest: Mutex<LocalWorkerSnapshot>
    private let refreshers: Mutex<[Task<Void, Never>]> = Mutex([])

    private init(worker: Worker, cron: [LocalWorkerSnapshot.CronSchedule], log: (@Sendable () -> LogRing)?,
                 first: LocalWorkerSnapshot) {
        self.worker = worker
        self.cron = cron
        self.log = log
        self.latest = Mutex(first)
    }

    /// Reads the worker once, then keeps the copy fresh until `stop()`; `cron` is what it enqueues,
    /// `log` reads its log ring.
    static func start(_ worker: Worker, config: ConnectionConfig, cron entries: [CronEntry],
                      log: (@Sendable () -> LogRing)? = nil) async -> WorkerLocalSource {
        let cron = entries.map {
            LocalWorkerSnapshot.CronSchedule(key: $0.key, schedule: $0.schedule, scheduleText: $0.scheduleText,
                                             jobClass: $0.jobClass, enabledByDefault: $0.enabledByDefault)
        }
        var first = Self.convert(await worker.snapshot())
        first.cron = cron
        first.jobClasses = Set(worker.jobClassNames)
        let source = WorkerLocalSource(worker: worker, cron: cron, log: log, first: first)
        let slots = Task { [weak source] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                guard let source else { return }
                var fresh = Self.convert(await worker.snapshot())
                fresh.cron = source.cron
                fresh.jobClasses = Set(worker.jobClassNames)
                source.latest.withLock { $0 = Self.merge(fresh, limitsOf: $0) }
            }
        }
        source.refreshers.withLock { $0.append(slots) }
        if worker.limiter.hasRules {
            let limits = Task { [weak source] in
                var db: PostgresConnection?
                while !Task.isCancelled {
                    guard let source else { return }
                    if let states = await Self.countLimits(worker.limiter, config: config, db: &db) {
                        source.latest.withLock { $0.limits = states }
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
                await db?.close()
            }
            source.refreshers.withLock { $0.append(limits) }
        }
        return source
    }

    func stop() {
        refreshers.withLock { $0.forEach { $0.cancel() } }
    }

    func snapshot() -> LocalWorkerSnapshot {
        var snapshot = latest.withLock { $0 }
        if let log { snapshot.log = log() }
        return snapshot
    }

    func wake() {
        Task { [worker] in await worker.wake() }
    }

    func setPaused(_ paused: Bool) {
        Task { [worker] in await worker.setPaused(paused) }
        latest.withLock { $0.isPaused = paused }
    }

    func changeThreads(pool: Int, by delta: Int) async -> Result<ThreadChange, ThreadChangeError> {
        do throws(ThreadChangeError) {
            return .success(try await worker.changeThreads(pool: pool, by: delta))
        } catch {
            return .failure(error)
        }
    }

    /// One count of the limiter's states, (re)connecting as needed; nil when the database is unreachable.
    private static func countLimits(_ limiter: Limiter, config: ConnectionConfig, db: inout PostgresConnection?) async
        -> [ConcurrencyLimitState]?
    {
        do {
            if db == nil { db = try await PostgresConnection.connect(config, applicationName: "gaffer-limits") }
            guard let connection = db else { return nil }
            return try await limiter.states(connection, now: Date())
        } catch {
            await db?.close()
            db = nil
            return nil
        }
    }

    /// The fresh slot state with the limits counted last (they refresh at their own pace).
    private static func merge(_ fresh: LocalWorkerSnapshot, limitsOf previous: LocalWorkerSnapshot) -> LocalWorkerSnapshot {
        var merged = fresh
        merged.limits = previous.limits
        return merged
    }

    static func convert(_ snapshot: WorkerSnapshot) -> LocalWorkerSnapshot {
        LocalWorkerSnapshot(
            processID: snapshot.processID, pid: Int(getpid()),
            pools: snapshot.pools.map { .init(index: $0.index, queues: $0.queues, threads: $0.maxThreads) },
            slots: snapshot.pools.flatMap { pool in
                pool.slots.map { slot in
                    LocalWorkerSnapshot.Slot(index: slot.index, pool: slot.pool, job: slot.job.map {
                        .init(id: $0.jobID, jobClass: $0.jobClass, queue: $0.queueName, attempt: $0.attempt,
                              startedAt: $0.startedAt)
                    }, retiring: slot.retiring)
                }
            },
            isPaused: snapshot.paused,
            succeeded: snapshot.pools.reduce(0) { $0 + $1.succeeded },
            failed: snapshot.pools.reduce(0) { $0 + $1.errored })
    }
}
