import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import GafferUI
import Postgres
import Synchronization
import Testing

/// Issue 16, "act on all that match": every job of a filtered list is changed in chunks, a job a worker
/// holds is skipped and counted, and a cancel leaves the remaining chunks untouched.
@Suite struct BulkActionsTests {
    static let lockKey = "('x' || substr(md5('good_jobs-' || id::text), 1, 16))::bit(64)::bigint"

    /// `count` queued jobs of `jobClass`, due one second apart before `Seed.now`.
    func insert(_ seed: Seed, _ count: Int, jobClass: String, queue: String = "bulk") async throws {
        try await seed.db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            SELECT g, g, $2, 0, jsonb_build_object('job_class', $3::text, 'arguments', jsonb_build_array(i)),
                   timestamp '2026-05-28 20:00:00' - i * interval '1 second', now(), now(), $3
            FROM (SELECT gen_random_uuid() AS g, i FROM generate_series(1, $1::int) i) jobs
            """, [count, queue, jobClass])
    }

    func count(_ seed: Seed, _ condition: String) async throws -> Int {
        try await seed.db.query("SELECT count(*) AS n FROM good_jobs WHERE \(condition)").first!.decode("n")
    }

    @Test func discardingEveryMatchSkipsAndCountsTheJobsAWorkerHolds() async throws {
        let seed = try await Seed.make()
        try await insert(seed, 2000, jobClass: "ImportJob")
        try await insert(seed, 700, jobClass: "MailJob")
        // Another session holds 7 of the matches (an advisory-mode worker running them); 3 more are claimed.
        let worker = try await PostgresConnection.connect(seed.db.config)
        defer { Task { await worker.close() } }
        try await worker.execute("""
            SELECT pg_advisory_lock(\(Self.lockKey)) FROM (SELECT id FROM good_jobs WHERE job_class = 'ImportJob'
                                                          ORDER BY id LIMIT 7) held
            """)
        try await seed.db.execute("""
            UPDATE good_jobs SET locked_by_id = gen_random_uuid(), locked_at = now()
            WHERE id IN (SELECT id FROM good_jobs WHERE job_class = 'ImportJob' ORDER BY id DESC LIMIT 3)
            """)
        let actions = MonitorActions(connection: seed.db, clock: { Seed.now })
        let scope = Filter("class:import").narrowing(JobListScope(state: .queued, queue: "bulk"))
        #expect(try await MonitorQueries.countJobs(seed.db, scope: scope, now: Seed.now) == 2000)
        let ids = try await actions.ids(in: scope)
        #expect(ids.count == 2000)
        let seen = Mutex<[String]>([])
        let report = await actions.performAll(.discard, ids: ids, progress: { r in seen.withLock { $0.append(r.progress) } })
        #expect(report.done == 1990 && report.refused.count == 10 && report.failure == nil)
        #expect(report.summary == "discarded 1,990 of 2,000 jobs; 10 skipped (3 claimed by a worker, 7 locked by a running worker)")
        let lines = seen.withLock { $0 }
        #expect(lines.count == 4 && lines.last == "discarded: 2,000 of 2,000 done · 10 skipped")
        #expect(lines.first?.hasPrefix("discarded: 500 of 2,000 done") == true)
        #expect(try await count(seed, "job_class = 'ImportJob' AND finished_at IS NOT NULL AND error_event = 5") == 1990)
        #expect(try await count(seed, "job_class = 'ImportJob' AND finished_at IS NULL") == 10)
        #expect(try await count(seed, "job_class = 'MailJob' AND finished_at IS NULL AND error IS NULL") == 700)
        // The locks our transactions took are gone; the worker's are still its own.
        let ours: Int = try await seed.db.query("""
            SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
            """).first!.decode("n")
        #expect(ours == 0)
    }

    @Test func cancellingStopsBeforeTheNextChunk() async throws {
        let seed = try await Seed.make()
        try await insert(seed, 1200, jobClass: "ImportJob")
        let actions = MonitorActions(connection: seed.db, clock: { Seed.now })
        let ids = try await actions.ids(in: JobListScope(state: .queued))
        let chunks = Mutex(0)
        let report = await actions.performAll(.discard, ids: ids, progress: { _ in chunks.withLock { $0 += 1 } },
                                              isCancelled: { chunks.withLock { $0 } >= 1 })
        #expect(report.done == 500 && report.cancelled)
        #expect(report.summary == "discarded 500 of 1,200 jobs; cancelled: 700 left untouched")
        #expect(try await count(seed, "finished_at IS NULL") == 700)
    }

    @Test func everyActionRunsInChunksWithTheSameRules() async throws {
        let seed = try await Seed.make()
        let discarded = try await seed.job(.discarded, queue: "mailers")
        let succeeded = try await seed.job(.succeeded)
        let scheduled = try await seed.job(.scheduled, at: 3600)
        let running = try await seed.job(.running)
        try await seed.execution(of: succeeded, at: -30)
        let actions = MonitorActions(connection: seed.db, clock: { Seed.now })
        let all = [discarded, succeeded, scheduled, running, UUID()]
        let retried = await actions.performAll(.retry, ids: all, chunkSize: 2)
        #expect(retried.done == 1 && retried.refused == [.wrongState(.succeeded), .wrongState(.scheduled),
                                                         .wrongState(.running), .notFound])
        #expect(try await seed.column("error_event", of: discarded) == "3")
        #expect(try await seed.column("finished_at", of: discarded) == nil)
        let rescheduled = await actions.performAll(.reschedule, ids: [scheduled, scheduled])
        #expect(rescheduled.done == 1 && rescheduled.refused == [.notFound])
        #expect(try await seed.column("scheduled_at", of: scheduled) == "2026-05-28 20:26:40")
        let destroyed = await actions.performAll(.destroy, ids: [succeeded, running])
        #expect(destroyed.done == 1 && destroyed.refused == [.wrongState(.running)])
        #expect(try await seed.exists(succeeded) == false)
        #expect(try await seed.db.query("SELECT 1 FROM good_job_executions WHERE active_job_id = $1", [succeeded]).isEmpty)
    }

    @Test func forceDiscardFinishesARunningJobWhoseLockIsHeld() async throws {
        let seed = try await Seed.make()
        let running = try await seed.job(.running, lockedBy: UUID())
        let queued = try await seed.job(.queued)
        let worker = try await PostgresConnection.connect(seed.db.config)
        try await worker.query("SELECT pg_advisory_lock(\(Self.lockKey)) FROM (SELECT $1::uuid AS id) j", [running])
        let actions = MonitorActions(connection: seed.db, clock: { Seed.now })
        // The ordinary discard leaves it alone; force-discard does not ask the lock.
        #expect(await actions.perform(.discard, ids: [running]).refused == [.busy])
        let report = await actions.perform(.forceDiscard, ids: [running, queued])
        #expect(report.done == 1 && report.refused == [.wrongState(.queued)])
        #expect(report.summary == "force-discarded 1 job; 1 refused: job is queued")
        #expect(try await seed.column("error", of: running) == "GoodJob::Job::DiscardJobError: Force discarded through dashboard")
        #expect(try await seed.column("error_event", of: running) == "5")
        #expect(try await seed.column("finished_at", of: running) == "2026-05-28 20:26:40")
        #expect(try await seed.column("finished_at", of: queued) == nil)
        let state = try await MonitorQueries.jobDetail(seed.db, id: running, now: Seed.now)?.state
        #expect(state == .discarded)
        await worker.close()
    }

    @Test func anIDPrefixIsFoundByARangeScanOfThePrimaryKey() async throws {
        let seed = try await Seed.make()
        try await insert(seed, 20_000, jobClass: "ImportJob")
        let a = UUID(uuidString: "0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10")!
        let b = UUID(uuidString: "0d8f4b7e-ffff-4f51-9a7e-2b1f6c9d8e10")!
        for id in [a, b] {
            try await seed.db.query("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, serialized_params, created_at, updated_at, job_class)
                VALUES ($1, $1, 'q', '{}', now(), now(), 'X')
                """, [id])
        }
        try await seed.db.execute("ANALYZE good_jobs")
        func find(_ text: String) async throws -> [UUID] {
            try await MonitorQueries.jobIDs(seed.db, prefix: #require(JobIDPrefix(text)), limit: 5)
        }
        #expect(try await find("0d8f4b7e") == [a, b])
        #expect(try await find("0D8F4B7E-3C") == [a])
        #expect(try await find("0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10") == [a])
        #expect(try await find("0d8f4b7e3c2a4f519a7e2b1f6c9d8e11").isEmpty)
        // The plan reads the primary key's index, not the table.
        let prefix = try #require(JobIDPrefix("0d8f"))
        let plan = try await seed.db.query("""
            EXPLAIN SELECT id FROM good_jobs WHERE id BETWEEN $1::uuid AND $2::uuid ORDER BY id LIMIT $3
            """, [prefix.low, prefix.high, 5]).map { try $0.decode("QUERY PLAN", as: String.self) }.joined(separator: "\n")
        #expect(plan.contains("Index") && plan.contains("good_jobs_pkey") && !plan.contains("Seq Scan"), "\(plan)")
    }

    @Test func malformedPrefixesAreRefusedBeforeAnyQuery() {
        for text in ["", "-", "xyz", "0d8f'; DROP TABLE good_jobs; --", String(repeating: "a", count: 33), "0d8f 4b7e", "%"] {
            #expect(JobIDPrefix(text) == nil, "\(text)")
        }
        let prefix = JobIDPrefix(" 0D8F-4b ")
        #expect(prefix?.digits == "0d8f4b" && prefix?.low.uuidString == "0D8F4B00-0000-0000-0000-000000000000")
        #expect(prefix?.high.uuidString == "0D8F4BFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")
    }

    @Test func beforeAndLabelSearchNarrowTheWholeTable() async throws {
        let seed = try await Seed.make()
        let old = try await seed.job(.discarded, at: -7200, labels: ["nightly"])
        let recent = try await seed.job(.discarded, at: -60)
        var scope = JobListScope(state: .discarded)
        scope.before = Seed.now.addingTimeInterval(-3600)
        #expect(try await MonitorQueries.jobs(seed.db, scope: scope, now: Seed.now).map(\.id) == [old])
        #expect(try await MonitorQueries.countJobs(seed.db, scope: scope, now: Seed.now) == 1)
        let labelled = Filter("NIGHT").narrowing(JobListScope(state: .discarded))
        #expect(try await MonitorQueries.jobs(seed.db, scope: labelled, now: Seed.now).map(\.id) == [old])
        #expect(try await MonitorQueries.countJobs(seed.db, scope: JobListScope(state: .discarded), now: Seed.now) == 2)
        _ = recent
    }
}
