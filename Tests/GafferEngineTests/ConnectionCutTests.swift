import Foundation
import GafferCore
import GafferEngine
import GafferTestSupport
import Postgres
import Testing

@Suite("faults: one connection cut with pg_terminate_backend")
struct ConnectionCutTests {
    /// Server pid of this database's session named `name` whose last query matches `query`, if any.
    static func backend(_ db: PostgresConnection, named name: String, query: String = "%") async throws -> Int? {
        try await db.query("""
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name LIKE $1 AND query LIKE $2 ORDER BY backend_start DESC
            """, [name, query]).first?.decode("pid", as: Int.self)
    }

    /// Server pid of the session holding the job's advisory lock, if any.
    static func lockHolder(_ db: PostgresConnection, job: UUID) async throws -> Int? {
        let key = AdvisoryLockKey.forJob(id: job).value
        return try await db.query("""
            SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = ($1::bigint >> 32) & 4294967295 AND objid::bigint = $1::bigint & 4294967295
            """, [key]).first?.decode("pid", as: Int.self)
    }

    static func terminate(_ db: PostgresConnection, _ pid: Int) async throws {
        try await db.query("SELECT pg_terminate_backend($1)", [pid])
    }

    /// A worker on a fresh database, and one `GatedJob` it has claimed (waiting at its gate or about to).
    static func gatedJobRunning() async throws -> (PostgresConnection, Worker, UUID) {
        let (config, db) = try await EngineFixture.database()
        let worker = EngineFixture.worker(config, [GatedJob.self], threads: 2, poll: 0.2)
        try await worker.start()
        let id = try #require(try await GafferClient(connection: db).enqueue(GatedJob()))
        return (db, worker, id)
    }

    static func waitUntilFinished(_ db: PostgresConnection) async throws {
        try await TestWait.until("the job finished", timeout: 15) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 1
        }
    }

    @Test func aCutNotifierReconnectsAndPollingRunsWhatWasEnqueuedMeanwhile() async throws {
        let (config, db) = try await EngineFixture.database()
        let logger = CollectingLogger()
        let worker = EngineFixture.worker(config, [FaultJob.self], threads: 2, poll: 1, logger: logger.logger)
        try await worker.start()
        var first: Int?
        try await TestWait.until("the notifier listens") {
            first = try await Self.backend(db, named: "GoodJob::Notifier")
            let connected = await worker.snapshot().notifierConnected
            return first != nil && connected
        }
        // Hold the notifier down: cut every session it opens until the job enqueued meanwhile has run.
        let cut = ContinuousClock.now
        try await Self.terminate(db, try #require(first))
        let id = try #require(try await GafferClient(connection: db).enqueue(FaultJob(pauseMillis: 0)))
        var notifierSessions = Set([try #require(first)])
        try await TestWait.until("the job enqueued while the notifier was down ran", timeout: 15, every: 0.02) {
            if let pid = try await Self.backend(db, named: "GoodJob::Notifier") {
                notifierSessions.insert(pid)
                try await Self.terminate(db, pid)
            }
            return try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = $1 AND finished_at IS NOT NULL", [id]) == 1
        }
        let ran = ContinuousClock.now
        var listening: Int?
        try await TestWait.until("the notifier listens again", timeout: 15) {
            listening = try await Self.backend(db, named: "GoodJob::Notifier", query: "LISTEN%")
            let connected = await worker.snapshot().notifierConnected
            return listening.map { !notifierSessions.contains($0) } == true && connected
        }
        let back = ContinuousClock.now
        await worker.stop()
        print("FAULT-FIGURES notifier cut: job ran +\(cut.duration(to: ran)) after the cut, notifier sessions cut \(notifierSessions.count), "
              + "listening again +\(ran.duration(to: back)) after the last cut")
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE error IS NULL AND finished_at IS NOT NULL") == 1)
        // Sessions opened at the listener's backoff, not in a busy loop.
        #expect(notifierSessions.count <= 60)
    }

    @Test func aCutClaimSessionTakesItsRunningJobBackAndFinishesIt() async throws {
        let (db, worker, id) = try await Self.gatedJobRunning()
        try await TestWait.until("the job runs") { try await EngineFixture.count(db, "SELECT count(*) FROM body_runs") == 1 }
        let holder = try #require(try await Self.lockHolder(db, job: id))
        try await Self.terminate(db, holder)
        let cut = ContinuousClock.now
        var relocked: Int?
        try await TestWait.until("the pool's new session holds the running job's lock again", timeout: 15) {
            relocked = try await Self.lockHolder(db, job: id)
            return relocked != nil && relocked != holder
        }
        let back = ContinuousClock.now
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = $1 AND locked_by_id = $2",
                                              [id, await worker.processID]) == 1)
        try await db.query("INSERT INTO gates (job_id) VALUES ($1)", [id])
        try await Self.waitUntilFinished(db)
        await worker.stop()
        print("FAULT-FIGURES claim session cut: lock held again +\(cut.duration(to: back))")
        let account = try await DrainAccount.read(db)
        #expect(account.executions == 1)
        #expect(account.runs == 1)
        #expect(account.failed == 0)
        #expect(try await Self.lockHolder(db, job: id) == nil)
    }

    @Test func aCutSlotSessionInterruptsItsAttemptWhichRunsAgainOnAFreshSession() async throws {
        let (db, worker, id) = try await Self.gatedJobRunning()
        var slot: Int?
        try await TestWait.until("the job waits at its gate on its slot's session") {
            slot = try await Self.backend(db, named: "gaffer-job-%", query: "%FROM gates%")
            return slot != nil
        }
        try await Self.terminate(db, try #require(slot))
        let cut = ContinuousClock.now
        try await Self.waitUntilFinished(db)
        let done = ContinuousClock.now
        await worker.stop()
        print("FAULT-FIGURES slot session cut: interrupted, re-run and finished +\(cut.duration(to: done))")
        let account = try await DrainAccount.read(db)
        #expect(account.failed == 0)
        #expect(account.executions == 2)
        #expect(account.errored == 0)
        #expect(account.interrupted == 1)
        #expect(account.extraRuns == account.interruptedStarted)
        #expect(account.overlaps == 0)
        let attempts = try await db.query("""
            SELECT error, error_event FROM good_job_executions WHERE active_job_id = $1 ORDER BY created_at
            """, [id])
        #expect(attempts[0]["error_event"] == "0")
        #expect(attempts[0]["error"]?.hasPrefix("GoodJob::InterruptedError: Interrupted after starting perform at") == true)
        #expect(attempts[1]["error"] == nil)
        let runs = try await db.query("SELECT attempt FROM body_runs ORDER BY at")
        #expect(try runs.map { try $0.decode("attempt", as: Int.self) } == [1, 2])
    }
}
