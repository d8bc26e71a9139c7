import Foundation
import GafferCore
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("a claim outlives its lost session, or yields to the worker that took the job over")
struct ClaimRecoverySQLTests {
    static let t0 = JobLifecycleSQLTests.t0

    static func lockHeld(_ db: PostgresConnection, _ id: UUID) async throws -> Bool {
        try await db.query("""
            SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted
              AND objid::bigint = ('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint & 4294967295
            """, [id]).count == 1
    }

    /// One job claimed by a process whose claiming session then died, as in a restart.
    static func claimOnADyingSession() async throws
        -> (db: PostgresConnection, config: ConnectionConfig, job: NewJobRow, process: UUID, execution: UUID)
    {
        let (db, config) = try await JobLifecycleSQLTests.migrated()
        let job = JobLifecycleSQLTests.row()
        try await EnqueueSQL.enqueue(db, [job], now: t0)
        let process = UUID()
        let session = try await PostgresConnection.connect(config)
        let claimed = try await ClaimSQL.claim(session, processID: process, now: t0, limit: 1, jobClasses: ["NoopJob"],
                                               queues: .all, pausesEnabled: false)
        let pid = await session.backendPID
        await session.close()
        try await TestWait.until("the claiming session's backend exits") {
            try await db.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]).isEmpty
        }
        return (db, config, job, process, try #require(claimed.first).executionID)
    }

    @Test func aNewSessionTakesBackTheLockAndTheRowAReaperReleased() async throws {
        let (db, config, job, process, execution) = try await Self.claimOnADyingSession()
        #expect(try await Self.lockHeld(db, job.id) == false)
        try await db.query("UPDATE good_jobs SET locked_by_id = NULL, locked_at = NULL")  // what the reaper does
        let session = try await PostgresConnection.connect(config)
        let kept = try await RelockSQL.relock(session, jobs: [(job.id, execution)], processID: process, now: Self.t0 + 1)
        #expect(kept == [job.id])
        #expect(try await Self.lockHeld(db, job.id))
        #expect(try await db.query("SELECT 1 FROM good_jobs WHERE locked_by_id = $1 AND lock_type = 2", [process]).count == 1)
        // Nobody else can claim it now.
        let other = try await ClaimSQL.claim(db, processID: UUID(), now: Self.t0 + 2, limit: 1, jobClasses: ["NoopJob"],
                                             queues: .all, pausesEnabled: false)
        #expect(other.isEmpty)
        await session.close()
    }

    @Test func aJobAlreadyReRunElsewhereIsNotTakenBackAndKeepsItsInterruptedRecord() async throws {
        let (db, config, job, process, execution) = try await Self.claimOnADyingSession()
        try await db.query("UPDATE good_jobs SET locked_by_id = NULL, locked_at = NULL")
        let rescuer = UUID()
        let again = try await ClaimSQL.claim(db, processID: rescuer, now: Self.t0 + 1, limit: 1, jobClasses: ["NoopJob"],
                                             queues: .all, pausesEnabled: false)
        #expect(again.count == 1)
        let session = try await PostgresConnection.connect(config)
        #expect(try await RelockSQL.relock(session, jobs: [(job.id, execution)], processID: process, now: Self.t0 + 2).isEmpty)
        // The late end of the first attempt neither touches the row nor rewrites the interruption.
        try await CompleteSQL.complete(session, [AttemptResult(jobID: job.id, executionID: execution, outcome: .finished,
                                                               error: nil, errorEvent: nil, backtrace: [], duration: 1)],
                                       processID: process, now: Self.t0 + 3)
        let first = try #require(try await db.query("SELECT error, finished_at FROM good_job_executions WHERE id = $1",
                                                    [execution]).first)
        #expect(first["error"]?.hasPrefix("GoodJob::InterruptedError") == true)
        #expect(try first.decode("finished_at", as: Date.self) == Self.t0 + 1)
        #expect(try await db.query("SELECT 1 FROM good_jobs WHERE locked_by_id = $1 AND finished_at IS NULL", [rescuer]).count == 1)
        await session.close()
    }

    @Test func aLateEndOfAReleasedJobNobodyReClaimedFinishesIt() async throws {
        // A killed worker's backend commits the attempt end it had received after a reaper released the job.
        let (db, config, job, process, execution) = try await Self.claimOnADyingSession()
        try await db.query("UPDATE good_jobs SET locked_by_id = NULL, locked_at = NULL")
        let backend = try await PostgresConnection.connect(config)
        try await CompleteSQL.complete(backend, [AttemptResult(jobID: job.id, executionID: execution, outcome: .finished,
                                                               error: nil, errorEvent: nil, backtrace: [], duration: 1)],
                                       processID: process, now: Self.t0 + 2)
        #expect(try await db.query("SELECT 1 FROM good_jobs WHERE id = $1 AND finished_at = $2 AND error IS NULL",
                                   [job.id, Self.t0 + 2]).count == 1)
        #expect(try await db.query("SELECT 1 FROM good_job_executions WHERE id = $1 AND finished_at = $2 AND error IS NULL",
                                   [execution, Self.t0 + 2]).count == 1)
        // So it is not run again.
        let again = try await ClaimSQL.claim(db, processID: UUID(), now: Self.t0 + 3, limit: 1, jobClasses: ["NoopJob"],
                                             queues: .all, pausesEnabled: false)
        #expect(again.isEmpty)
        await backend.close()
    }

    @Test func aClaimCommittedAfterItsProcessWasReapedIsReleased() async throws {
        // The process died with its claim in flight; the reaper deleted its row before the claim committed.
        let (db, config, job, _, _) = try await Self.claimOnADyingSession()
        #expect(try await ProcessSQL.reap(db, now: Self.t0 + 1) == ProcessSQL.Reaped(processes: 0, orphanedJobs: 1))
        #expect(try await db.query("SELECT 1 FROM good_jobs WHERE id = $1 AND locked_by_id IS NULL", [job.id]).count == 1)
        // A job whose claiming session lives (its advisory lock held) is no orphan, row or no row.
        let live = try await PostgresConnection.connect(config)
        let claimed = try await ClaimSQL.claim(live, processID: UUID(), now: Self.t0 + 2, limit: 1, jobClasses: ["NoopJob"],
                                               queues: .all, pausesEnabled: false)
        #expect(claimed.map(\.id) == [job.id])
        #expect(try await ProcessSQL.reap(db, now: Self.t0 + 3) == ProcessSQL.Reaped(processes: 0, orphanedJobs: 0))
        await live.close()
    }
}
