import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("worker processes killed and signalled", .enabled(if: WorkerProcess.isBuilt, "gaffer-test-worker is not built"))
struct ProcessFaultTests {
    static func waitForStart(_ db: PostgresConnection, _ n: Int = 1) async throws {
        try await TestWait.until("\(n) job(s) started") {
            try await EngineFixture.count(db, "SELECT count(*) FROM started") >= n
        }
    }

    @Test func killNineMidJobIsRecoveredAsInterrupted() async throws {
        let (config, db) = try await EngineFixture.database()
        let id = try #require(try await GafferClient(connection: db).enqueue(SleepJob(seconds: 60)))
        let doomed = try await WorkerProcess(database: config)
        try await Self.waitForStart(db)
        doomed.send(SIGKILL)
        #expect(await doomed.waitForExit() == 128 + SIGKILL)

        let rescuer = EngineFixture.worker(config, [SleepJob.self])
        try await rescuer.start()
        try await TestWait.until("the job is re-run to success") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == 1
        }
        await rescuer.stop()
        let attempts = try await db.query("SELECT attempt FROM started ORDER BY at")
        #expect(try attempts.map { try $0.decode("attempt", as: Int.self) } == [1, 2])
        let executions = try await db.query("""
            SELECT error_event, error, created_at, finished_at FROM good_job_executions
            WHERE active_job_id = $1 ORDER BY created_at
            """, [id])
        try #require(executions.count == 2)
        #expect(executions[0]["error_event"] == "0")
        #expect(executions[0]["error"]?.hasPrefix("GoodJob::InterruptedError: Interrupted after starting perform at") == true)
        // No overlap: the interrupted attempt was closed no later than the re-run began.
        #expect(try executions[0].decode("finished_at", as: Date.self) <= executions[1].decode("created_at", as: Date.self))
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 0)
    }

    @Test func sigtermLetsARunningJobFinishAndExitsZero() async throws {
        let (config, db) = try await EngineFixture.database()
        try await GafferClient(connection: db).enqueue(SleepJob(seconds: 5))
        let worker = try await WorkerProcess(database: config, shutdownTimeout: 25)
        try await Self.waitForStart(db)
        worker.send(SIGTERM)
        #expect(await worker.waitForExit() == 0)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == 1)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 0)
    }

    @Test func sigtermPastTheTimeoutCancelsAndTheJobRunsAgain() async throws {
        let (config, db) = try await EngineFixture.database()
        try await GafferClient(connection: db).enqueue(SleepJob(seconds: 60))
        let worker = try await WorkerProcess(database: config, shutdownTimeout: 1)
        try await Self.waitForStart(db)
        worker.send(SIGTERM)
        #expect(await worker.waitForExit() == 0)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL AND performed_at IS NOT NULL") == 1)
        let rescuer = EngineFixture.worker(config, [SleepJob.self])
        try await rescuer.start()
        try await TestWait.until("the cancelled job runs again") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == 1
        }
        await rescuer.stop()
        let attempts = try await db.query("SELECT attempt FROM started ORDER BY at")
        #expect(try attempts.map { try $0.decode("attempt", as: Int.self) } == [1, 2])
    }

    /// Issue 13: a body that blocks its thread used to hold the process until kill -9.
    @Test func aBodyIgnoringCancellationIsAbandonedAtTheTimeoutAndTheWorkerExitsOne() async throws {
        let (config, db) = try await EngineFixture.database()
        let id = try #require(try await GafferClient(connection: db).enqueue(StuckJob()))
        let worker = try await WorkerProcess(database: config, shutdownTimeout: 2)
        try await Self.waitForStart(db)
        worker.send(SIGTERM)
        #expect(await worker.waitForExit() == 1)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 0)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE locked_by_id IS NOT NULL") == 0)

        let rescuer = EngineFixture.worker(config, [StuckJob.self])
        try await rescuer.start()
        try await TestWait.until("the abandoned job runs again") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == 1
        }
        await rescuer.stop()
        let executions = try await db.query("SELECT error FROM good_job_executions WHERE active_job_id = $1 ORDER BY created_at", [id])
        try #require(executions.count == 2)
        #expect(executions.first?["error"]?.hasPrefix("GoodJob::InterruptedError") == true)
    }
}
