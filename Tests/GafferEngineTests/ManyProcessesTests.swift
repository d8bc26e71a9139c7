import Foundation
import GafferEngine
import GafferTestSupport
import Postgres
import Testing

/// Many hosts on one database: separate worker processes drain one queue together.
@Suite("many worker processes on one database", .enabled(if: WorkerProcess.isBuilt, "gaffer-test-worker is not built"))
struct ManyProcessesTests {
    /// Jobs drained; `GAFFER_FLEET_JOBS` changes it (fewer by default on CI).
    static let jobCount = Int(ProcessInfo.processInfo.environment["GAFFER_FLEET_JOBS"] ?? "")
        ?? TestRun.size(local: 20_000, ci: 5_000)
    static let processes = 8

    @Test func eightProcessesRunEveryJobExactlyOnce() async throws {
        let (config, db) = try await EngineFixture.database()
        // A second run of any job would fail its body on this index, leaving an error and a second execution.
        try await db.execute("CREATE UNIQUE INDEX body_runs_once ON body_runs (job_id)")
        var workers: [WorkerProcess] = []
        defer { for worker in workers where worker.process.isRunning { worker.send(SIGKILL) } }
        for _ in 0..<Self.processes { workers.append(try await WorkerProcess(database: config, threads: 5)) }
        // Every process is ready (WorkerProcess waits for it) before the first job: on a loaded machine a
        // process started after the others would find the queue already drained.
        let client = GafferClient(connection: db)
        for start in stride(from: 0, to: Self.jobCount, by: 2_000) {
            try await client.enqueueAll((start..<min(start + 2_000, Self.jobCount)).map { _ in FaultJob(pauseMillis: 0) })
        }

        try await TestWait.until("\(Self.jobCount) jobs finished", timeout: 600, every: 0.1) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0
        }
        for worker in workers { worker.send(SIGTERM) }
        for worker in workers { #expect(await worker.waitForExit() == 0) }

        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs") == Self.jobCount)
        #expect(try await EngineFixture.count(db, "SELECT count(DISTINCT job_id) FROM body_runs") == Self.jobCount)
        #expect(try await EngineFixture.count(db, """
            SELECT count(*) FROM good_jobs
            WHERE error IS NOT NULL OR executions_count <> 1 OR locked_by_id IS NOT NULL
            """) == 0)
        // The processes shared the work (all of them, unless one was starved of CPU throughout), and each
        // removed its process row on stop.
        let pids = try await EngineFixture.count(db, "SELECT count(DISTINCT pid) FROM body_runs")
        #expect(pids >= Self.processes / 2, "\(pids) of \(Self.processes) processes ran jobs")
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 0)
    }
}
