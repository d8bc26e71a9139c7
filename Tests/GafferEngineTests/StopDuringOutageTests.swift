import Foundation
import GafferEngine
import GafferTestSupport
import Postgres
import Synchronization
import Testing

@Suite("faults: a worker stops while the database is down",
       .enabled(if: PrivateServer.isAvailable, "no PostgreSQL server binaries"))
struct StopDuringOutageTests {
    @Test func theStopEndsAfterItsTimeoutAndTheUnwrittenAttemptRunsAgainAsInterrupted() async throws {
        guard let server = try await PrivateServer.start("outage") else { return }
        defer { server.remove() }
        let (config, db) = try await server.database()
        let id = try #require(try await GafferClient(connection: db).enqueue(GatedJob()))
        let worker = EngineFixture.worker(config, [GatedJob.self], threads: 1, poll: 0.2)
        try await worker.start()
        try await TestWait.until("the job runs") { try await EngineFixture.count(db, "SELECT count(*) FROM body_runs") == 1 }
        try await server.stop()
        let stopping = ContinuousClock.now
        let stopped = Atomic<Bool>(false)
        let stop = Task {
            await worker.stop(timeout: 1)
            stopped.store(true, ordering: .releasing)
        }
        // The attempt's end cannot be written; the stop must not wait for the database to return.
        try await TestWait.until("the stop returned while the database is down", timeout: 20, every: 0.05) {
            stopped.load(ordering: .acquiring)
        }
        let took = stopping.duration(to: .now)
        await stop.value
        try await server.start()
        try await db.reconnect()
        let rescuer = EngineFixture.worker(config, [GatedJob.self], threads: 1, poll: 0.2)
        try await rescuer.start()
        try await TestWait.until("the job ran again and finished", timeout: 20) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == 1
        }
        await rescuer.stop()
        print("FAULT-FIGURES stop during outage: stop returned after \(took)")
        let account = try await DrainAccount.read(db)
        #expect(account.executions == 2)
        #expect(account.interrupted == 1)
        #expect(account.interruptedStarted == 1)
        #expect(account.extraRuns == account.interruptedStarted)
        #expect(account.overlaps == 0)
        #expect(try await db.query("SELECT 1 FROM good_jobs WHERE id = $1 AND executions_count = 2", [id]).count == 1)
    }
}
