import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Fails its first attempt with an unhandled error, so `retry_on_unhandled_error` makes it ready again at once.
struct FailsFirstJob: Job {
    static let className = "FailsFirstJob"
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws {
        if context.attempt == 1 { throw UnhandledError() }
    }
}

@Suite("jobs ready again at their end are unlocked before they are re-claimed")
struct RetryNowUnlockTests {
    /// An end that leaves its job ready, in the same transaction as a claim, would let the session re-take
    /// the lock it still holds (counted twice); one unlock would then leave it held for good.
    @Test func noAdvisoryLockIsLeftAfterImmediateRetries() async throws {
        let (config, db) = try await EngineFixture.database()
        let jobs = TestRun.onCI ? 100 : 300
        _ = try await GafferClient(connection: db).enqueueAll((0..<jobs).map { _ in FailsFirstJob() })
        var configuration = WorkerConfiguration()
        configuration.maxThreads = 5
        configuration.pollInterval = 1
        configuration.retryOnUnhandledError = true
        let worker = Worker(registry: JobRegistry([FailsFirstJob.self]), database: config, configuration: configuration)
        try await worker.start()
        try await TestWait.until("every job finished on its second attempt", timeout: 120) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == jobs
        }
        // The worker still runs: its pool session would hold any lock an unlock missed, and never let go.
        try await TestWait.until("no advisory lock left on the pool's session") {
            try await EngineFixture.count(db, """
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND a.application_name LIKE 'gaffer-pool%' AND a.datname = current_database()
                """) == 0
        }
        let executions = try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions WHERE finished_at IS NOT NULL")
        await worker.stop()
        #expect(executions == 2 * jobs)
    }
}
