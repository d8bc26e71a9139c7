import Foundation
import GafferCore
@testable import GafferEngine
import GafferTestSupport
import Postgres
import Testing

extension ConnectionCutTests {
    /// A job claimed ahead and waiting for a slot holds its advisory lock on the claiming session like a
    /// running one: when that session is cut, the new one takes the lock back before the job starts, and
    /// the job runs once, after a slot frees.
    @Test func aCutClaimSessionTakesBackAJobWaitingForASlot() async throws {
        let (config, db) = try await EngineFixture.database()
        let worker = EngineFixture.worker(config, [FaultJob.self, GatedJob.self], threads: 2, poll: 0.2)
        try await worker.start()
        let client = GafferClient(connection: db)
        // Short attempts first: a pool claims ahead only while its recent attempts were short (`AttemptPace`).
        var pace = AttemptPace()
        for round in 1...20 where !pace.jobsAreShort {
            for _ in 0..<10 { _ = try await client.enqueue(FaultJob(pauseMillis: 0)) }
            try await TestWait.until("warm-up round \(round) finished", timeout: 30) {
                try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0
            }
            pace = AttemptPace()
            let durations = try await db.query("""
                SELECT extract(epoch FROM duration)::float8 AS seconds FROM good_job_executions ORDER BY finished_at
                """)
            for row in durations { pace.record(duration: try row.decode("seconds", as: Double.self)) }
        }
        try #require(pace.jobsAreShort, "the warm-up attempts never got short enough to claim ahead")

        // Both slots busy at their gates, then a third job: claimed ahead, waiting for a slot.
        let gated = [try #require(try await client.enqueue(GatedJob())), try #require(try await client.enqueue(GatedJob()))]
        try await TestWait.until("both gated jobs run", timeout: 15) {
            try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = ANY($1::uuid[])",
                                          [PostgresTextArray(encoding: gated)]) == 2
        }
        let waiting = try #require(try await client.enqueue(GatedJob()))
        var holder: Int?
        try await TestWait.until("the third job is claimed ahead", timeout: 15) {
            holder = try await Self.lockHolder(db, job: waiting)
            return holder != nil
        }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [waiting]) == 0,
                "the third job waits: both slots are busy")

        try await Self.terminate(db, try #require(holder))
        try await TestWait.until("a new session holds the waiting job's lock", timeout: 15) {
            let now = try await Self.lockHolder(db, job: waiting)
            return now != nil && now != holder
        }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = $1 AND locked_by_id = $2",
                                              [waiting, await worker.processID]) == 1)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [waiting]) == 0)

        for id in gated + [waiting] { try await db.query("INSERT INTO gates (job_id) VALUES ($1)", [id]) }
        try await TestWait.until("all three gated jobs finished", timeout: 30) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0
        }
        await worker.stop()
        let account = try await DrainAccount.read(db)
        #expect(account.failed == 0)
        #expect(account.interrupted == 0, "\(account)")
        #expect(account.repeatedAttempts == 0, "\(account)")
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [waiting]) == 1)
        #expect(try await Self.lockHolder(db, job: waiting) == nil)
    }
}
