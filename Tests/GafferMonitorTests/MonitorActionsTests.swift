import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite struct MonitorActionsTests {
    func actions(_ seed: Seed, readOnly: Bool = false) -> MonitorActions {
        MonitorActions(connection: seed.db, readOnly: readOnly, clock: { Seed.now })
    }

    @Test func retryRequeuesADiscardedJobAndNotifies() async throws {
        let seed = try await Seed.make()
        let id = try await seed.job(.discarded, queue: "mailers", error: "RuntimeError: boom", executions: 2)
        let listener = PostgresListener(config: await seed.db.config, channels: ["good_job"])
        listener.start()
        defer { listener.stop() }
        var events = listener.events.makeAsyncIterator()
        guard case .connected = await events.next() else { Issue.record("listener did not connect"); return }
        let report = await actions(seed).perform(.retry, ids: [id])
        #expect(report.summary == "retried 1 job")
        let row = try await seed.db.query("""
            SELECT finished_at, performed_at, scheduled_at, created_at, error, error_event,
                   serialized_params->>'executions' AS executions, serialized_params->>'enqueued_at' AS enqueued_at
            FROM good_jobs WHERE id = $1
            """, [id]).first!
        #expect(row["finished_at"] == nil && row["performed_at"] == nil)
        #expect(try row.decode("scheduled_at", as: Date.self) == Seed.now)
        #expect(try row.decode("created_at", as: Date.self) == Seed.now)
        #expect(row["error"] == "RuntimeError: boom" && row["error_event"] == "3")
        #expect(row["executions"] == "3" && row["enqueued_at"] == "2026-05-28T20:26:40.000000000Z")
        guard case .notification(let note) = await events.next() else { Issue.record("no notification"); return }
        #expect(note.payload == #"{"queue_name":"mailers","scheduled_at":"2026-05-28T20:26:40.000Z"}"#)
        #expect(try await MonitorQueries.jobs(seed.db, scope: JobListScope(state: .queued), now: Seed.now).map(\.id) == [id])
    }

    @Test func aJobLockedByAWorkerIsRefusedAndUnchanged() async throws {
        let seed = try await Seed.make()
        let id = try await seed.job(.discarded)
        let worker = try await PostgresConnection.connect(seed.db.config)
        let key = "('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint"
        try await worker.query("SELECT pg_advisory_lock(\(key))", [id])
        let refused = await actions(seed).perform(.retry, ids: [id])
        #expect(refused.done == 0 && refused.refused == [.busy])
        #expect(refused.summary == "nothing retried: locked by a running worker")
        #expect(try await seed.column("finished_at", of: id) != nil)
        try await worker.query("SELECT pg_advisory_unlock(\(key))", [id])
        #expect(await actions(seed).perform(.retry, ids: [id]).done == 1)
        // Our own lock was released after the action: the worker can take it again.
        let again: Bool = try await worker.query("SELECT pg_try_advisory_lock(\(key)) AS ok", [id]).first!.decode("ok")
        #expect(again)
        await worker.close()
    }

    @Test func discardFinishesWaitingJobsAndRefusesRunningOnes() async throws {
        let seed = try await Seed.make()
        let queued = try await seed.job(.queued)
        let scheduled = try await seed.job(.scheduled, at: 600)
        let running = try await seed.job(.running)
        let claimed = try await seed.job(.queued, lockedBy: UUID())
        let report = await actions(seed).perform(.discard, ids: [queued, scheduled, running, claimed])
        #expect(report.done == 2 && report.refused == [.wrongState(.running), .claimed])
        #expect(report.summary == "discarded 2 jobs; 2 refused: claimed by a worker, job is running")
        #expect(try await seed.column("error", of: queued) == "GoodJob::Job::DiscardJobError: Discarded through dashboard")
        #expect(try await seed.column("error_event", of: scheduled) == "5")
        #expect(try await seed.column("finished_at", of: queued) == "2026-05-28 20:26:40")
        #expect(try await seed.column("finished_at", of: running) == nil)
    }

    @Test func rescheduleMakesAScheduledJobDueNow() async throws {
        let seed = try await Seed.make()
        let scheduled = try await seed.job(.scheduled, at: 3600)
        let done = try await seed.job(.succeeded)
        let report = await actions(seed).perform(.reschedule, ids: [scheduled, done])
        #expect(report.done == 1 && report.refused == [.wrongState(.succeeded)])
        #expect(try await seed.column("scheduled_at", of: scheduled) == "2026-05-28 20:26:40")
    }

    @Test func destroyDeletesFinishedJobsWithTheirExecutions() async throws {
        let seed = try await Seed.make()
        let done = try await seed.job(.succeeded)
        let queued = try await seed.job(.queued)
        try await seed.execution(of: done, at: -30)
        let report = await actions(seed).perform(.destroy, ids: [done, queued, UUID()])
        #expect(report.done == 1 && report.refused == [.wrongState(.queued), .notFound])
        #expect(try await seed.exists(done) == false)
        #expect(try await seed.exists(queued) == true)
        let executions = try await seed.db.query("SELECT 1 FROM good_job_executions WHERE active_job_id = $1", [done])
        #expect(executions.isEmpty)
    }

    @Test func pausesAreAddedOnceAndRemoved() async throws {
        let seed = try await Seed.make()
        let a = actions(seed)
        #expect(await a.setPaused(.queue, "mailers", paused: true).summary == "paused queue mailers")
        _ = await a.setPaused(.queue, "mailers", paused: true)
        _ = await a.setPaused(.jobClass, "SyncJob", paused: true)
        _ = await a.setPaused(.label, "bulk", paused: true)
        var settings = try await MonitorQueries.settings(seed.db)
        #expect(settings == SettingsRecord(pausedQueues: ["mailers"], pausedJobClasses: ["SyncJob"], pausedLabels: ["bulk"],
                                           pausedSince: Seed.now))
        let raw = try await seed.db.query("SELECT value::text AS v FROM good_job_settings WHERE key = 'pauses'").first?["v"]
        #expect(raw == #"{"labels": ["bulk"], "queues": ["mailers"], "job_classes": ["SyncJob"]}"#)
        #expect(await a.setPaused(.queue, "mailers", paused: false).summary == "unpaused queue mailers")
        _ = await a.setPaused(.queue, "absent", paused: false)
        settings = try await MonitorQueries.settings(seed.db)
        #expect(settings.pausedQueues.isEmpty && settings.pausedJobClasses == ["SyncJob"])
    }

    @Test func readOnlyRefusesBeforeAnyQuery() async throws {
        let seed = try await Seed.make()
        let id = try await seed.job(.discarded)
        // A closed connection: any query would report a database failure instead.
        let closed = try await PostgresConnection.connect(seed.db.config)
        await closed.close()
        let a = MonitorActions(connection: closed, readOnly: true, clock: { Seed.now })
        let report = await a.perform(.retry, ids: [id])
        #expect(report.failure == .readOnly && report.summary == "read-only mode: nothing changed")
        for action in JobAction.allCases {
            #expect(await a.perform(action, ids: [id]).failure == .readOnly)
            #expect(await a.perform(action, in: JobListScope(state: .discarded)).failure == .readOnly)
        }
        #expect(await a.setPaused(.queue, "q", paused: true).failure == .readOnly)
        #expect(await a.setPaused(.label, "l", paused: false).failure == .readOnly)
        #expect(try await seed.column("finished_at", of: id) != nil)
        // The same call without read-only does reach the (closed) database.
        let live = MonitorActions(connection: closed, clock: { Seed.now })
        guard case .database = await live.perform(.retry, ids: [id]).failure else {
            Issue.record("expected a database failure")
            return
        }
    }

    @Test(.enabled(if: TestServer.embedded != nil, "roles with checked passwords need the embedded test server"))
    func aRoleThatMayOnlyReadGetsOneLineNamingTheFix() async throws {
        let seed = try await Seed.make()
        let id = try await seed.job(.discarded)
        let role = try await TestRole.reader(of: seed.db.config, password: "pw-of-reader")
        let reader = try await PostgresConnection.connect(
            try ConnectionConfig(role.conninfo(database: seed.db.config.databaseName ?? "", password: "pw-of-reader")))
        let a = MonitorActions(connection: reader, clock: { Seed.now })
        let fix = "role \"\(role.name)\" lacks the privilege; use a role with write access or --read-only"
        let report = await a.perform(.retry, ids: [id])
        #expect(report.summary == "retried failed: permission denied for table good_jobs: \(fix)")
        #expect(await a.setPaused(.queue, "q", paused: true).summary
            == "paused queue q failed: permission denied for table good_job_settings: \(fix)")
        // The session is still usable for the monitor's reads.
        #expect(try await reader.query("SELECT count(*) AS n FROM good_jobs").first?.decode("n", as: Int.self) == 1)
        await reader.close()
    }

    @Test func aScopedActionTouchesOnlyTheScopesJobs() async throws {
        let seed = try await Seed.make()
        let recent = try await seed.job(.discarded, jobClass: "SyncJob", error: "Net::ReadTimeout: a", at: -600)
        let old = try await seed.job(.discarded, jobClass: "SyncJob", error: "Net::ReadTimeout: b", at: -200_000)
        let other = try await seed.job(.discarded, jobClass: "SyncJob", error: "KeyError: c", at: -600)
        let scope = JobListScope(state: .discarded, jobClass: "SyncJob", errorClass: "Net::ReadTimeout",
                                 since: Seed.now.addingTimeInterval(-86_400))
        let report = await actions(seed).perform(.retry, in: scope)
        #expect(report.summary == "retried 1 job")
        #expect(try await seed.column("finished_at", of: recent) == nil)
        #expect(try await seed.column("finished_at", of: old) != nil)
        #expect(try await seed.column("finished_at", of: other) != nil)
    }

    @Test func localWorkerPauseGoesToTheSource() async throws {
        let seed = try await Seed.make()
        let source = FakeLocalWorker()
        let a = MonitorActions(connection: seed.db, local: source)
        #expect(a.setLocalPaused(true).summary == "paused the local worker (running jobs go on)")
        #expect(source.snapshot().isPaused)
        #expect(MonitorActions(connection: seed.db, local: source, readOnly: true).setLocalPaused(false).failure == .readOnly)
        #expect(source.snapshot().isPaused)
        #expect(actions(seed).setLocalPaused(true).summary == "no local worker: gaffer top only watches")
    }

    @Test func localThreadChangesGoToTheSourceAndSayTheNewCount() async throws {
        let seed = try await Seed.make()
        let source = FakeLocalWorker()
        let a = MonitorActions(connection: seed.db, local: source)
        #expect(await a.changeLocalThreads(pool: 0, by: 1).summary == "pool 1 (*): 2 → 3 threads")
        #expect(await a.changeLocalThreads(pool: 0, by: -2).summary
            == "pool 1 (*): 3 → 1 thread; busy slots retire once their job ends")
        #expect(await a.changeLocalThreads(pool: 0, by: -1).summary
            == "pool 1 (*) already runs 1 thread, the fewest a pool can run (1…1000, as --max-threads)")
        #expect(source.snapshot().pools.first?.threads == 1)
        #expect(await MonitorActions(connection: seed.db, local: source, readOnly: true).changeLocalThreads(pool: 0, by: 1)
            .failure == .readOnly)
        #expect(await actions(seed).changeLocalThreads(pool: 0, by: 1).summary == "no local worker: gaffer top only watches")
    }
}
