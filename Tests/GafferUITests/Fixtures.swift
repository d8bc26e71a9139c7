import Foundation
import GafferCore
import GafferCron
import GafferMonitor
import GafferMonitorModel
import GafferStore
import TerminalKit

/// A fixed snapshot for text-snapshot tests: no database, no terminal, no clock.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 20:26:40 UTC
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "%08x-0000-4000-8000-000000000000", n))! }
    static let remote = id(0xA1)
    static let localID = id(0xB2)

    static var local: LocalWorkerSnapshot {
        LocalWorkerSnapshot(
            processID: localID, pid: 4242, pools: [.init(index: 0, queues: "default,mailers", threads: 3)],
            slots: [
                .init(index: 0, pool: 0, job: .init(id: id(1), jobClass: "ImportOrdersJob", queue: "default", attempt: 1,
                                                    startedAt: now - 75)),
                .init(index: 1, pool: 0, job: .init(id: id(2), jobClass: "SendReceiptJob", queue: "mailers", attempt: 2,
                                                    startedAt: now - 4)),
                .init(index: 2, pool: 0, job: nil),
            ], isPaused: false, succeeded: 120, failed: 3,
            limits: [ConcurrencyLimitState(key: "import-42", rule: "perform_limit: 2, perform_throttle: [2, 1s]", inUse: 1,
                                           limit: 2, waiting: 3, windowCount: 2, windowLimit: 2, nextFree: now + 0.4),
                     ConcurrencyLimitState(key: "social-api", rule: "perform_throttle: [2, 1s]", inUse: 0, limit: nil,
                                           waiting: 0, windowCount: 1, windowLimit: 2)],
            cron: [.init(key: "nightly_report", schedule: try! CronExpression.parse("0 3 * * *"), scheduleText: "0 3 * * *",
                         jobClass: "NightlyReportJob"),
                   .init(key: "hourly_sync", schedule: try! CronExpression.parse("@hourly"), scheduleText: "@hourly",
                         jobClass: "HourlySyncJob")])
    }

    /// A running batch with a discard (its on_discard callback ran), and a finished one with a hostile description.
    static var batches: [BatchSummary] {
        [BatchSummary(id: id(0x20), description: "nightly import", createdAt: now - 600, enqueuedAt: now - 590,
                      discardedAt: now - 300, jobsFinishedAt: nil, finishedAt: nil, onFinish: "ImportDoneJob",
                      onSuccess: nil, onDiscard: "ImportAlertJob", callbackQueueName: nil, callbackPriority: nil,
                      jobs: 120, jobsFinished: 87, jobsDiscarded: 2, callbacks: 1, callbacksFinished: 1),
         BatchSummary(id: id(0x21), description: "evil\u{1b}[2J", createdAt: now - 7200, enqueuedAt: now - 7200,
                      discardedAt: nil, jobsFinishedAt: now - 7000, finishedAt: now - 6990, onFinish: "ReportJob",
                      onSuccess: "ReportJob", onDiscard: nil, callbackQueueName: "reports", callbackPriority: 3,
                      jobs: 3, jobsFinished: 3, jobsDiscarded: 0, callbacks: 2, callbacksFinished: 2)]
    }

    static var snapshot: MonitorSnapshot {
        var throughput = ThroughputHistory()
        for n in [3, 5, 2, 8, 13, 7, 4, 9] {
            throughput.record([FinishedCounts(queue: "default", succeeded: n, failed: 0),
                               FinishedCounts(queue: "mailers", succeeded: n / 2, failed: 1)])
        }
        return MonitorSnapshot(
            takenAt: now,
            queues: [QueueStats(name: "default", queued: 12, scheduled: 3, running: 2, retried: 1, discarded: 4,
                                oldestReadyAt: now - 42),
                     QueueStats(name: "mailers", queued: 0, scheduled: 0, running: 1, retried: 0, discarded: 1)],
            throughput: throughput,
            running: [RunningJob(id: id(3), jobClass: "RebuildIndexJob", queue: "default", performedAt: now - 3723,
                                 attempt: 1, processID: remote)],
            processes: [ProcessRecord(id: localID, hostname: "worker-1", pid: 4242, memoryKiB: 61_440, proctitle: "gaffer",
                                      pools: "default,mailers:3", queueSelections: ["default,mailers"], maxThreads: 3,
                                      activeThreads: 2, startedAt: now - 7200, heartbeatAt: now - 5, isActive: true),
                        ProcessRecord(id: remote, hostname: "rails-7", pid: 311, memoryKiB: 409_600, proctitle: "good_job",
                                      pools: "*:5", queueSelections: ["*"], maxThreads: 5, activeThreads: 1,
                                      startedAt: now - 86_400, heartbeatAt: now - 400, isActive: false)],
            failures: [FailureGroup(kind: .discarded, errorClass: "Net::ReadTimeout", jobClass: "SyncInventoryJob",
                                    lastHour: 2, lastDay: 4, latestAt: now - 300, latestJobID: id(4),
                                    firstFrame: "/app/jobs/sync_inventory_job.rb:12:in `perform'"),
                       FailureGroup(kind: .retrying, errorClass: "\u{1b}[2J\u{1b}]0;pwned\u{07}", jobClass: "EvilJob",
                                    lastHour: 1, lastDay: 1, latestAt: now - 60, latestJobID: id(5))],
            cron: [CronKeyRun(key: "nightly_report", jobClass: "NightlyReportJob", lastCronAt: now - 3600,
                             previousCronAt: now - 3600 - 86_400, lastJobID: id(6), lastState: .succeeded)],
            concurrencyKeys: [ConcurrencyKeyStats(key: "import-42", running: 1, waiting: 3, retried: 3)],
            settings: SettingsRecord(pausedJobClasses: ["SyncInventoryJob"]),
            batches: batches,
            local: local,
            refresh: RefreshStatus(queryTime: 0.012, interval: 1))
    }

    static var detail: JobDetail {
        JobDetail(id: id(4), jobClass: "SyncInventoryJob", queue: "default", priority: 0, state: .discarded,
                  createdAt: now - 900, scheduledAt: now - 900, performedAt: now - 301, finishedAt: now - 300,
                  attempts: 2, labels: ["inventory"], error: "Net::ReadTimeout: timed out after 30s",
                  errorEvent: .retryStopped, concurrencyKey: nil, cronKey: nil, lockedByProcess: nil, advisoryLocked: false,
                  arguments: #"[{"store_id":17,"_aj_symbol_keys":["store_id"]}]"#,
                  executions: [
                    .init(id: id(40), startedAt: now - 301, scheduledAt: now - 303, finishedAt: now - 300, duration: 1.2,
                          error: "Net::ReadTimeout: timed out after 30s", errorEvent: .retryStopped, processID: localID,
                          backtrace: ["app/jobs/sync_inventory_job.rb:12:in `perform'", "lib/net/http.rb:88:in `read'"],
                          backtraceLineCount: 2),
                    .init(id: id(41), startedAt: now - 600, scheduledAt: now - 900, finishedAt: now - 598, duration: 2,
                          error: "Net::ReadTimeout: timed out after 30s", errorEvent: .retried, processID: localID,
                          backtrace: [], backtraceLineCount: 0),
                  ], executionCount: 2)
    }

    /// A Swift job's failure as the worker stores it: the throw site first, the engine's and the runtime's frames below.
    static var swiftDetail: JobDetail {
        var detail = Self.detail
        detail.jobClass = "CreateMediaCommentsAndPublicationHistoryForTiktokJob"
        detail.error = "RateLimitError: tiktok answered 429 Too Many Requests"
        detail.executions[0].error = detail.error
        detail.executions[0].backtrace = [
            "/src/gaffer/Sources/GafferDemo/API/SocialMediaAPI.swift:88:in 'SocialMediaAPI.call(_:id:rateLimitChance:)'",
            "/src/gaffer/Sources/GafferDemo/API/SocialMediaAPI.swift:62:in 'SocialMediaAPI.comments(publicationID:cursor:pageSize:)'",
            "/src/gaffer/Sources/GafferDemo/Jobs/Comments/CreateMediaCommentsAndPublicationHistoryForTiktokJob.swift:38:in 'CreateMediaCommentsAndPublicationHistoryForTiktokJob.perform(_:)'",
            "libswift_Concurrency.so:in 'TaskLocal.withValueImpl<A>(_:operation:isolation:file:line:)'",
            "/src/gaffer/Sources/GafferEngine/Worker/JobRunner.swift:45:in 'JobRunner.run(_:context:)'",
            "/src/gaffer/Sources/GafferEngine/Worker/Pool.swift:251:in 'closure #2 in Pool.start(_:)'",
            "libswift_Concurrency.so:in 'completeTaskWithClosure(swift::AsyncContext*, swift::SwiftError*)'",
        ]
        detail.executions[0].backtraceLineCount = 7
        return detail
    }

    /// The detail with a 40-line backtrace: longer than any screen's view, so it scrolls.
    static var longDetail: JobDetail {
        var detail = Self.detail
        detail.executions[0].backtrace = (1...40).map { "app/jobs/sync_inventory_job.rb:\($0):in `step\($0)'" }
        detail.executions[0].backtraceLineCount = 40
        return detail
    }
}
