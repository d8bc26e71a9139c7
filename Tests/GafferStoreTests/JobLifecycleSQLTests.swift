import Foundation
import GafferCore
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("enqueue, claim and complete SQL write GoodJob's rows")
struct JobLifecycleSQLTests {
    static let t0 = Date(timeIntervalSince1970: 1_784_548_800)  // 2026-07-20 12:00:00 UTC

    static func migrated() async throws -> (PostgresConnection, ConnectionConfig) {
        let config = try await TestServer.freshDatabase("jobs")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        return (db, config)
    }

    static func row(_ cls: String = "NoopJob", queue: String = "default", at: Date = t0, cron: (String, Date)? = nil,
                    labels: [String]? = nil) -> NewJobRow {
        let id = UUID()
        let params = #"{"job_class":"\#(cls)","job_id":"\#(id.uuidString.lowercased())","arguments":[],"executions":0}"#
        return NewJobRow(id: id, jobClass: cls, queueName: queue, priority: 0, serializedParams: params,
                         scheduledAt: at, labels: labels, cronKey: cron?.0, cronAt: cron?.1)
    }

    @Test func enqueueWritesTheRowAndNotifies() async throws {
        let (db, config) = try await Self.migrated()
        let listener = PostgresListener(config: config, channels: ["good_job"])
        listener.start()
        defer { listener.stop() }
        var events = listener.events.makeAsyncIterator()
        guard case .connected = await events.next() else { Issue.record("no listener"); return }

        let job = Self.row(labels: ["a", "b"])
        let ids = try await EnqueueSQL.enqueue(db, [job], now: Self.t0)
        #expect(ids == [job.id])
        let stored = try #require(try await db.query("""
            SELECT id = active_job_id AS same, job_class, queue_name, priority, scheduled_at, created_at, labels,
                   performed_at, finished_at, executions_count, locked_by_id, lock_type, error
            FROM good_jobs WHERE id = $1
            """, [job.id]).first)
        #expect(try stored.decode("same", as: Bool.self))
        #expect(try stored.decode("labels", as: [String].self) == ["a", "b"])
        #expect(try stored.decode("scheduled_at", as: Date.self) == Self.t0)
        for column in ["performed_at", "finished_at", "executions_count", "locked_by_id", "lock_type", "error"] {
            #expect(stored[column] == nil, "\(column) must be NULL at enqueue")
        }
        guard case .notification(let note) = await events.next() else { Issue.record("no notify"); return }
        #expect(note.payload == #"{"queue_name": "default", "scheduled_at": "2026-07-20T12:00:00.000Z"}"#)
        // The insert's generic-plan setting ends with its transaction: the caller's session is as it was.
        #expect(try await db.query("SELECT current_setting('plan_cache_mode') AS m").first?.decode("m", as: String.self) == "auto")
    }

    @Test func duplicateCronFireIsDroppedSilently() async throws {
        let (db, _) = try await Self.migrated()
        let fire = ("daily", Self.t0)
        #expect(try await EnqueueSQL.enqueue(db, [Self.row(cron: fire)], now: Self.t0).count == 1)
        #expect(try await EnqueueSQL.enqueue(db, [Self.row(cron: fire)], now: Self.t0).count == 0)
        #expect(try await db.query("SELECT 1 FROM good_jobs").count == 1)
    }

    @Test func claimTakesOnlyRegisteredClassesAndHoldsTheLock() async throws {
        let (db, config) = try await Self.migrated()
        let mine = Self.row("NoopJob"), ruby = Self.row("RubyOnlyJob"), later = Self.row(at: Self.t0 + 60)
        try await EnqueueSQL.enqueue(db, [mine, ruby, later], now: Self.t0)
        let process = UUID()
        let claimed = try await ClaimSQL.claim(db, processID: process, now: Self.t0, limit: 10, jobClasses: ["NoopJob"],
                                               queues: .all, pausesEnabled: true)
        #expect(claimed.map(\.id) == [mine.id])
        let job = try #require(try await db.query(
            "SELECT locked_by_id, lock_type, performed_at, executions_count FROM good_jobs WHERE id = $1", [mine.id]).first)
        #expect(try job.decode("locked_by_id", as: UUID.self) == process)
        #expect(try job.decode("lock_type", as: Int16.self) == 2)
        #expect(try job.decode("executions_count", as: Int.self) == 1)
        let execution = try #require(try await db.query(
            "SELECT active_job_id, process_id, scheduled_at, finished_at FROM good_job_executions").first)
        #expect(try execution.decode("process_id", as: UUID.self) == process)
        #expect(execution["finished_at"] == nil)
        // The advisory lock is held by the claiming session: another session cannot take it.
        let other = try await PostgresConnection.connect(config)
        let busy = try #require(try await other.query(
            "SELECT pg_try_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint) AS ok",
            [mine.id]).first)
        #expect(try busy.decode("ok", as: Bool.self) == false)
        // The Ruby-only row is untouched.
        let untouched = try #require(try await db.query(
            "SELECT updated_at, locked_by_id, performed_at FROM good_jobs WHERE id = $1", [ruby.id]).first)
        #expect(untouched["locked_by_id"] == nil && untouched["performed_at"] == nil)

        try await CompleteSQL.complete(db, [AttemptResult(jobID: mine.id, executionID: claimed[0].executionID,
                                                          outcome: .finished, error: nil, errorEvent: nil,
                                                          backtrace: [], duration: 0.25)],
                                       processID: process, now: Self.t0 + 1)
        let done = try #require(try await db.query(
            "SELECT finished_at, locked_by_id, lock_type, error FROM good_jobs WHERE id = $1", [mine.id]).first)
        #expect(try done.decode("finished_at", as: Date.self) == Self.t0 + 1)
        #expect(done["locked_by_id"] == nil && done["lock_type"] == nil && done["error"] == nil)
        let closed = try #require(try await db.query("SELECT extract(epoch FROM duration)::float8 AS d FROM good_job_executions").first)
        #expect(try closed.decode("d", as: Double.self) == 0.25)
        let free = try #require(try await other.query(
            "SELECT pg_try_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint) AS ok",
            [mine.id]).first)
        #expect(try free.decode("ok", as: Bool.self) == true)
    }

    /// Contract §3.7: the unlock runs after the finish committed, and a finish that did not commit
    /// leaves its job locked, so no advisory-strategy worker can take the lock and run it again.
    @Test func aJobKeepsItsLockUntilItsEndHasCommitted() async throws {
        let (db, config) = try await Self.migrated()
        let job = Self.row()
        try await EnqueueSQL.enqueue(db, [job], now: Self.t0)
        let process = UUID()
        let claimed = try await ClaimSQL.claim(db, processID: process, now: Self.t0, limit: 1, jobClasses: ["NoopJob"],
                                               queues: .all, pausesEnabled: true)
        let other = try await PostgresConnection.connect(config)
        let tryLock = "SELECT pg_try_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint) AS ok"
        func end(_ outcome: AttemptResult.Outcome) -> [AttemptResult] {
            [AttemptResult(jobID: job.id, executionID: claimed[0].executionID, outcome: outcome, error: nil,
                           errorEvent: nil, backtrace: [], duration: 0.1)]
        }

        // A retry whose new payload is not JSON fails the finish; the unlock transaction still runs.
        let failed = try await db.pipeline(transactions: CompleteSQL.transactions(
            end(.retry(serializedParams: "not json", scheduledAt: nil)), processID: process, now: Self.t0 + 1))
        guard case .failure = failed[0], case .success = failed[1] else {
            Issue.record("expected the finish to fail and the unlock to run: \(failed)")
            return
        }
        #expect(try await other.query(tryLock, [job.id]).first?.decode("ok", as: Bool.self) == false)

        // The same end written properly: finished and committed, then the lock is free.
        try await CompleteSQL.complete(db, end(.finished), processID: process, now: Self.t0 + 2)
        #expect(try await other.query(tryLock, [job.id]).first?.decode("ok", as: Bool.self) == true)
        #expect(try await other.query("SELECT finished_at IS NOT NULL AS done FROM good_jobs WHERE id = $1", [job.id])
            .first?.decode("done", as: Bool.self) == true)
    }

    /// A claim opened by `ClaimSQL.asyncCommit` in a pipeline commits without waiting for the flush, is
    /// visible to other sessions at once, and leaves the session's later transactions flushed as before.
    @Test func anAsyncCommitClaimIsVisibleAtOnceAndTheSettingEndsWithItsTransaction() async throws {
        let (db, config) = try await Self.migrated()
        let job = Self.row()
        try await EnqueueSQL.enqueue(db, [job], now: Self.t0)
        let process = UUID()
        let claim = ClaimSQL.statement(processID: process, now: Self.t0, limit: 1, jobClasses: ["NoopJob"],
                                       queues: .all, pausesEnabled: true)
        let setting = (sql: "SELECT current_setting('synchronous_commit') AS s", parameters: [any PostgresEncodable]())
        try await db.execute("SET synchronous_commit = on")  // the throwaway server runs with it off
        let outcomes = try await db.pipeline(transactions: [[ClaimSQL.asyncCommit, claim, setting], [setting]])
        let claimed = try outcomes[0].get()
        #expect(try ClaimSQL.decode(claimed[1]).map(\.id) == [job.id])
        #expect(try claimed[2].first?.decode("s", as: String.self) == "off")
        #expect(try outcomes[1].get()[0].first?.decode("s", as: String.self) == "on")
        let other = try await PostgresConnection.connect(config)
        #expect(try await other.query("SELECT locked_by_id FROM good_jobs WHERE id = $1", [job.id])
            .first?.decode("locked_by_id", as: UUID?.self) == process)
    }

    @Test func pausedQueuesClassesAndLabelsAreSkipped() async throws {
        let (db, _) = try await Self.migrated()
        let a = Self.row(queue: "a"), b = Self.row(queue: "b"), c = Self.row(queue: "c", labels: ["slow"])
        try await EnqueueSQL.enqueue(db, [a, b, c], now: Self.t0)
        try await db.query("""
            INSERT INTO good_job_settings (id, created_at, updated_at, key, value)
            VALUES (gen_random_uuid(), now(), now(), 'pauses', '{"queues":["a"],"job_classes":[],"labels":["slow"]}')
            """)
        let claimed = try await ClaimSQL.claim(db, processID: UUID(), now: Self.t0, limit: 10, jobClasses: ["NoopJob"],
                                               queues: .all, pausesEnabled: true)
        #expect(claimed.map(\.id) == [b.id])
        let ignoring = try await ClaimSQL.claim(db, processID: UUID(), now: Self.t0, limit: 10, jobClasses: ["NoopJob"],
                                                queues: QueueFilter(kind: .exclude, queues: ["c"]), pausesEnabled: false)
        #expect(ignoring.map(\.id) == [a.id])
    }

    @Test func reclaimOfAnOrphanRecordsTheInterruption() async throws {
        let (db, config) = try await Self.migrated()
        let job = Self.row()
        try await EnqueueSQL.enqueue(db, [job], now: Self.t0)
        // A worker claims it, registers as a live process, then its session dies mid-job.
        let doomed = try await PostgresConnection.connect(config)
        let deadProcess = UUID()
        try await ProcessSQL.register(doomed, id: deadProcess, state: "{}", now: Self.t0)
        _ = try await ClaimSQL.claim(doomed, processID: deadProcess, now: Self.t0, limit: 1, jobClasses: ["NoopJob"],
                                     queues: .all, pausesEnabled: false)
        let doomedPID = await doomed.backendPID
        await doomed.close()
        try await TestWait.until("the dead session's backend exits") {
            try await db.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [doomedPID]).isEmpty
        }
        #expect(try await ProcessSQL.reap(db, now: Self.t0 + 2).processes == 1)
        let again = try await ClaimSQL.claim(db, processID: UUID(), now: Self.t0 + 3, limit: 1, jobClasses: ["NoopJob"],
                                             queues: .all, pausesEnabled: false)
        #expect(again.first?.interruptedAt == Self.t0)
        #expect(again.first?.executionsCount == 2)
        let executions = try await db.query(
            "SELECT error, error_event, finished_at FROM good_job_executions ORDER BY created_at")
        try #require(executions.count == 2)
        #expect(try executions[0].decode("error", as: String.self)
                == "GoodJob::InterruptedError: Interrupted after starting perform at '2026-07-20 12:00:00 UTC'")
        #expect(try executions[0].decode("error_event", as: Int16.self) == 0)
        #expect(executions[1]["finished_at"] == nil)
    }
}
