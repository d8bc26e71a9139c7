import Foundation
import GafferStore
import Logging
import Postgres

/// GoodJob's automatic clean-up inside a worker (contract §9): after jobs finish, when more than
/// `intervalJobs` attempts happened since the last clean-up or it is older than `intervalSeconds`,
/// delete preserved jobs older than the cutoff. An idle worker never cleans.
///
/// Runs as a maintenance hook on the worker's control connection.
public actor PreservedJobsPruner {
    let settings: CleanupSettings
    let logger: Logger
    private var lastCleanupAt: Date
    private var attemptsAtLastCleanup = 0

    init(settings: CleanupSettings, logger: Logger, now: Date) {
        self.settings = settings
        self.logger = logger
        self.lastCleanupAt = now
    }

    /// Whether a clean-up is due after `attempts` finished attempts in total, at `now`.
    static func isDue(_ settings: CleanupSettings, attemptsSince: Int, secondsSince: Double) -> Bool {
        guard attemptsSince > 0 else { return false }
        if let jobs = settings.intervalJobs, jobs < 0 || attemptsSince > jobs { return true }
        if let seconds = settings.intervalSeconds, seconds < 0 || secondsSince > seconds { return true }
        return false
    }

    func tick(_ db: PostgresConnection, now: Date, attempts: Int) async throws {
        guard Self.isDue(settings, attemptsSince: attempts - attemptsAtLastCleanup,
                         secondsSince: now.timeIntervalSince(lastCleanupAt)) else { return }
        attemptsAtLastCleanup = attempts
        lastCleanupAt = now
        let result = try await CleanupSQL.cleanupPreservedJobs(
            db, before: now.addingTimeInterval(-settings.beforeSecondsAgo), includeDiscarded: settings.includeDiscarded)
        if result.jobs + result.batches > 0 {
            logger.info("cleanup: deleted \(result.jobs) preserved job(s), \(result.executions) execution(s), \(result.batches) batch(es)")
        }
    }

    /// Installs the pruner on `worker`'s maintenance tick.
    public static func install(on worker: Worker, settings: CleanupSettings, logger: Logger) async {
        guard settings.intervalJobs != nil || settings.intervalSeconds != nil else { return }
        let pruner = PreservedJobsPruner(settings: settings, logger: logger, now: Date())
        await worker.addMaintenanceHook { [weak worker] db, now in
            guard let worker else { return }
            let snapshot = await worker.snapshot()
            let attempts = snapshot.pools.reduce(0) { $0 + $1.succeeded + $1.errored }
            try await pruner.tick(db, now: now, attempts: attempts)
        }
    }
}
