import Foundation
import GafferMonitorModel
import GafferStore
import Postgres
import Testing

@Suite struct MonitorQueriesTests {
    @Test func queueCountsFollowTheDerivedStates() async throws {
        let seed = try await Seed.make()
        try await seed.job(.queued, at: -120)
        try await seed.job(.queued, at: -30)
        try await seed.job(.scheduled, at: 600)
        // GoodJob's scopes: retried once (executions 1) counts as scheduled, retried twice as retried.
        try await seed.job(.retried, at: 300, executions: 1)
        try await seed.job(.retried, at: 400, executions: 2)
        try await seed.job(.running)
        try await seed.job(.discarded)
        try await seed.job(.succeeded)
        try await seed.job(.queued, queue: "mailers")
        let stats = try await MonitorQueries.queueStats(seed.db, now: seed.now)
        #expect(stats.map(\.name) == ["default", "mailers"])
        let d = try #require(stats.first)
        #expect([d.queued, d.scheduled, d.retried, d.running, d.discarded] as [Int] == [2, 2, 1, 1, 1])
        #expect(d.oldestReadyAt == seed.now.addingTimeInterval(-120))
        #expect(stats[1].queued == 1 && stats[1].discarded == 0)
    }

    @Test func runningJobsAndThroughputWindow() async throws {
        let seed = try await Seed.make()
        let owner = UUID()
        let running = try await seed.job(.running, jobClass: "SlowJob", at: -90, lockedBy: owner, executions: 2)
        try await seed.job(.succeeded, at: -5)
        try await seed.job(.discarded, at: -3)
        try await seed.job(.succeeded, at: -100)
        let jobs = try await MonitorQueries.runningJobs(seed.db)
        #expect(jobs.map(\.id) == [running])
        #expect(jobs.first?.processID == owner && jobs.first?.attempt == 2 && jobs.first?.jobClass == "SlowJob")
        let window = try await MonitorQueries.finishedCounts(seed.db, since: seed.now.addingTimeInterval(-10),
                                                             until: seed.now)
        #expect(window == [FinishedCounts(queue: "default", succeeded: 1, failed: 1)])
    }

    @Test func processesAreActiveByGoodJobsRule() async throws {
        let seed = try await Seed.make()
        let fresh = try await seed.process(hostname: "fresh", queues: [("mailers,default", 5, 2), ("*", 2, 0)])
        let expired = try await seed.process(hostname: "expired", heartbeatAgo: 600)
        let unlocked = try await seed.process(hostname: "unlocked", lockType: 0)
        let locked = try await seed.process(hostname: "locked", heartbeatAgo: 900, lockType: 0)
        // Another session holds `locked`'s heartbeat lock, as a GoodJob process with advisory heartbeats does.
        let holder = try await PostgresConnection.connect(seed.db.config)
        try await holder.query(
            "SELECT pg_advisory_lock(('x' || substr(md5('good_job_processes-' || $1::text), 1, 16))::bit(64)::bigint)",
            [locked])
        let processes = try await MonitorQueries.processes(seed.db, now: seed.now)
        let byID = Dictionary(uniqueKeysWithValues: processes.map { ($0.id, $0) })
        #expect(byID[fresh]?.isActive == true)
        #expect(byID[expired]?.isActive == false)
        #expect(byID[unlocked]?.isActive == false)
        #expect(byID[locked]?.isActive == true)
        let f = try #require(byID[fresh])
        #expect(f.pools == "mailers,default:5; *:2")
        #expect(f.queueSelections == ["mailers,default", "*"])
        #expect([f.maxThreads, f.activeThreads] as [Int] == [7, 2])
        #expect(f.pid == 4242 && f.memoryKiB == 102_400 && f.hostname == "fresh")
        #expect(f.heartbeatAt == seed.now.addingTimeInterval(-10))
        await holder.close()
    }

    @Test func failuresGroupByErrorClassAndJobClass() async throws {
        let seed = try await Seed.make()
        try await seed.job(.discarded, jobClass: "SyncJob", error: "Net::ReadTimeout: slow", at: -600)
        try await seed.job(.discarded, jobClass: "SyncJob", error: "Net::ReadTimeout: slower", at: -7200)
        let newest = try await seed.job(.discarded, jobClass: "SyncJob", error: "Net::ReadTimeout: x", at: -60)
        try await seed.job(.discarded, jobClass: "SyncJob", error: "Net::ReadTimeout: old", at: -200_000)
        try await seed.job(.discarded, jobClass: "MailJob", error: "Net::ReadTimeout: y", at: -60)
        try await seed.job(.retried, jobClass: "SyncJob", error: "KeyError: key not found: :x", at: 30)
        let groups = try await MonitorQueries.failureGroups(seed.db, now: seed.now)
        #expect(groups.count == 3)
        let sync = try #require(groups.first)
        #expect(sync.kind == .discarded && sync.errorClass == "Net::ReadTimeout" && sync.jobClass == "SyncJob")
        #expect(sync.lastHour == 2 && sync.lastDay == 3 && sync.latestJobID == newest)
        let retrying = try #require(groups.first { $0.kind == .retrying })
        #expect(retrying.errorClass == "KeyError" && retrying.lastDay == 1)
    }

    /// Issue 13: the same error class from two places is two groups, each naming its first application
    /// frame (engine, runtime and gem frames skipped); a trace with none groups under nil.
    @Test func failuresGroupByTheFirstApplicationFrame() async throws {
        let seed = try await Seed.make()
        let engine = "/src/gaffer/Sources/GafferEngine/Worker/JobRunner.swift:45:in 'JobRunner.run(_:context:)'"
        let runtime = "libswift_Concurrency.so:in 'completeTaskWithClosure(swift::AsyncContext*, swift::SwiftError*)'"
        let call = "/app/Sources/Shop/API.swift:88:in 'API.call(_:)'"
        let list = "/app/Sources/Shop/API.swift:62:in 'API.list()'"
        for (site, count) in [([call, list], 2), ([list], 1)] {
            for _ in 0..<count {
                let id = try await seed.job(.discarded, jobClass: "SyncJob", error: "RateLimitError: 429", at: -60)
                try await seed.execution(of: id, at: -60, error: "RateLimitError: 429", backtrace: [runtime] + site + [engine])
            }
        }
        let ruby = try await seed.job(.discarded, jobClass: "SyncJob", error: "RateLimitError: 429", at: -60)
        try await seed.execution(of: ruby, at: -60, error: "RateLimitError: 429",
                                 backtrace: ["/usr/lib/ruby/gems/3.3.0/gems/faraday-2.0/lib/faraday.rb:12:in `get'"])
        let groups = try await MonitorQueries.failureGroups(seed.db, now: seed.now)
        #expect(groups.count == 3)
        #expect(groups.first { $0.firstFrame == call }?.lastDay == 2)
        #expect(groups.first { $0.firstFrame == list }?.lastDay == 1)
        #expect(groups.first { $0.firstFrame == nil }?.lastDay == 1)
    }

    @Test func cronShowsTheNewestJobPerKey() async throws {
        let seed = try await Seed.make()
        let t1 = seed.now.addingTimeInterval(-7200), t2 = seed.now.addingTimeInterval(-3600)
        try await seed.job(.succeeded, jobClass: "NightlyJob", at: -7100, cronKey: "nightly", cronAt: t1)
        let last = try await seed.job(.discarded, jobClass: "NightlyJob", at: -3500, cronKey: "nightly", cronAt: t2)
        try await seed.job(.queued, jobClass: "PingJob", cronKey: "ping", cronAt: seed.now)
        try await seed.job(.queued, jobClass: "OtherJob")
        let cron = try await MonitorQueries.cronEntries(seed.db, now: seed.now)
        #expect(cron.map(\.key) == ["nightly", "ping"])
        #expect(cron[0].lastJobID == last && cron[0].lastCronAt == t2 && cron[0].previousCronAt == t1)
        #expect(cron[0].lastState == .discarded && cron[0].jobClass == "NightlyJob")
        #expect(cron[1].previousCronAt == nil && cron[1].lastState == .queued)
    }

    @Test func concurrencyKeysAndSettings() async throws {
        let seed = try await Seed.make()
        try await seed.job(.running, concurrencyKey: "import-42")
        try await seed.job(.queued, concurrencyKey: "import-42")
        try await seed.job(.queued, concurrencyKey: "import-42")
        try await seed.job(.succeeded, concurrencyKey: "import-42")
        try await seed.job(.retried, concurrencyKey: "import-42", executions: 2)
        #expect(try await MonitorQueries.concurrencyKeys(seed.db, now: seed.now)
                == [ConcurrencyKeyStats(key: "import-42", running: 1, waiting: 3, queued: 2, retried: 1)])
        #expect(try await MonitorQueries.settings(seed.db) == SettingsRecord())
        try await seed.db.query("""
            INSERT INTO good_job_settings (id, created_at, updated_at, key, value) VALUES
              (gen_random_uuid(), now(), '2026-07-20 12:00:00', 'pauses', '{"queues": ["mailers"], "labels": ["bulk"]}'),
              (gen_random_uuid(), now(), now(), 'cron_keys_disabled', '["nightly"]')
            """)
        let settings = try await MonitorQueries.settings(seed.db)
        // The pauses row's updated_at: every pause in force is at least that old (the alerts' "paused for").
        #expect(settings == SettingsRecord(pausedQueues: ["mailers"], pausedLabels: ["bulk"], cronKeysDisabled: ["nightly"],
                                           pausedSince: Date(timeIntervalSince1970: 1_784_548_800)))
    }

    @Test func jobListsPageByKeyset() async throws {
        let seed = try await Seed.make()
        var ids: [UUID] = []
        for i in 0..<5 {
            ids.append(try await seed.job(.discarded, jobClass: "A", error: "Boom: \(i)", at: Double(-100 - i),
                                          labels: ["bulk"]))
        }
        try await seed.job(.discarded, jobClass: "B", error: "Other: x")
        try await seed.job(.queued, jobClass: "A")
        let scope = JobListScope(state: .discarded, jobClass: "A", label: "bulk", errorClass: "Boom")
        let page1 = try await MonitorQueries.jobs(seed.db, scope: scope, now: seed.now, limit: 3)
        #expect(page1.map(\.id) == Array(ids[0..<3]))
        let last = try #require(page1.last)
        let page2 = try await MonitorQueries.jobs(seed.db, scope: scope, now: seed.now,
                                                  after: JobListCursor(sortAt: last.sortAt, id: last.id), limit: 3)
        #expect(page2.map(\.id) == Array(ids[3..<5]))
        #expect(page2.first?.labels == ["bulk"] && page2.first?.error == "Boom: 3")
        let contains = try await MonitorQueries.jobs(seed.db, scope: JobListScope(state: .discarded, errorContains: "x"),
                                                     now: seed.now)
        #expect(contains.map(\.jobClass) == ["B"])
        let queued = try await MonitorQueries.jobs(seed.db, scope: JobListScope(state: .queued), now: seed.now)
        #expect(queued.count == 1)
    }

    @Test func jobDetailReadsAttemptsAndCutsBacktraces() async throws {
        let seed = try await Seed.make()
        let id = try await seed.job(.discarded, error: "RuntimeError: boom", labels: ["a", "b"],
                                    arguments: "[{\"user_id\": 7}]")
        let lines = (0..<300).map { "app/jobs/example_job.rb:\($0):in `perform'" }
        try await seed.execution(of: id, at: -200, error: "RuntimeError: first")
        try await seed.execution(of: id, at: -100, error: "RuntimeError: boom", backtrace: lines)
        let detail = try #require(try await MonitorQueries.jobDetail(seed.db, id: id, now: seed.now))
        #expect(detail.state == .discarded && detail.labels == ["a", "b"] && detail.error == "RuntimeError: boom")
        #expect(detail.arguments == "[{\"user_id\": 7}]")
        #expect(detail.executionCount == 2 && detail.executions.map(\.error) == ["RuntimeError: boom", "RuntimeError: first"])
        let newest = detail.executions[0]
        #expect(newest.backtraceLineCount == 300 && newest.backtrace.count == 200)
        #expect(newest.backtrace.first == lines[0] && newest.duration == 1.5 && newest.queueLatency == 2)
        #expect(detail.advisoryLocked == false)
        #expect(try await MonitorQueries.jobDetail(seed.db, id: UUID(), now: seed.now) == nil)
    }
}
