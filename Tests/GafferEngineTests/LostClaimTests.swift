import Foundation
import GafferCore
import GafferEngine
import GafferTestSupport
import Postgres
import Testing

/// A claim that commits while the pool's session is lost leaves the job locked by a live process that
/// never heard of it: no claim takes it and no reaper clears it. (Seen on CI: a database restart mid-drain
/// left one job unfinished for 12 minutes.)
@Suite("faults: a claim whose answer was lost with the session")
struct LostClaimTests {
    /// Leaves `id` as a lost claim by `processID` an hour ago: locked, started, its execution row open.
    static func plantLostClaim(_ db: PostgresConnection, _ id: UUID, processID: UUID) async throws {
        try await db.query("""
            UPDATE good_jobs SET locked_by_id = $2, locked_at = now() - interval '1 hour', lock_type = 2,
                   performed_at = now() - interval '1 hour', executions_count = 1
            WHERE id = $1
            """, [id, processID])
        try await db.query("""
            INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name,
                                             serialized_params, scheduled_at, process_id)
            SELECT gen_random_uuid(), performed_at, performed_at, id, job_class, queue_name, serialized_params,
                   scheduled_at, $2
            FROM good_jobs WHERE id = $1
            """, [id, processID])
    }

    @Test func isReleasedAndRunsOnceUnlessASessionStillHoldsIt() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let lost = try #require(try await client.enqueue(FaultJob(pauseMillis: 0)))
        let held = try #require(try await client.enqueue(FaultJob(pauseMillis: 0)))
        let log = CollectingLogger()
        let worker = EngineFixture.worker(config, [FaultJob.self], threads: 2, poll: 0.2, logger: log.logger)
        try await Self.plantLostClaim(db, lost, processID: worker.processID)
        try await Self.plantLostClaim(db, held, processID: worker.processID)
        // Another session of this process (a pool's, say) still holds `held`'s lock: it is not lost.
        let holder = try await PostgresConnection.connect(config, applicationName: "lock-holder")
        let key = AdvisoryLockKey.forJob(id: held).value
        try await holder.query("SELECT pg_advisory_lock($1)", [key])

        try await worker.start()
        let finished = "SELECT count(*) FROM good_jobs WHERE id = $1 AND finished_at IS NOT NULL"
        do {
            try await TestWait.until("the lost claim ran", timeout: 30) {
                try await EngineFixture.count(db, finished, [lost]) == 1
            }
        } catch {
            for line in log.all where line.level >= .warning { print("worker log: \(line.message)") }
            throw error
        }
        let executions = try await db.query(
            "SELECT error_event FROM good_job_executions WHERE active_job_id = $1 ORDER BY created_at", [lost])
        try #require(executions.count == 2)
        #expect(executions[0]["error_event"] == String(ErrorEvent.interrupted.rawValue))
        #expect(executions[1]["error_event"] == nil)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [lost]) == 1)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = $1 AND locked_by_id = $2 AND finished_at IS NULL",
                                              [held, worker.processID]) == 1)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [held]) == 0)

        // Once no session holds it, it was lost too, and runs.
        await holder.close()
        try await TestWait.until("the held claim ran once its holder was gone", timeout: 30) {
            try await EngineFixture.count(db, finished, [held]) == 1
        }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [held]) == 1)
        await worker.stop()
    }
}
