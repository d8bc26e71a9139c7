import Foundation
import GafferCore
import GafferCron
import GafferMonitorModel
import GafferMonitor
import GafferStore
import Testing

/// Issue 14 item 1: "why not running" hears the local worker's limiter and classes before it says
/// "ready" (50 ready, 0 running, idle threads, a full throttle window; a class nobody runs).
@Suite struct BlockerTruthTests {
    let now = Seed.now

    func job(_ jobClass: String = "SyncJob", key: String? = nil, labels: [String] = []) -> JobDetail {
        JobDetail(id: UUID(), jobClass: jobClass, queue: "publications", priority: 0, state: .queued, createdAt: now,
                  scheduledAt: now, performedAt: nil, finishedAt: nil, attempts: 0, labels: labels, error: nil,
                  errorEvent: nil, concurrencyKey: key, cronKey: nil, lockedByProcess: nil, advisoryLocked: false,
                  arguments: "[]", executions: [], executionCount: 0)
    }

    /// Five idle threads serving every queue, registering SyncJob, with `limits`.
    func snapshot(_ limits: [ConcurrencyLimitState]) -> MonitorSnapshot {
        let local = LocalWorkerSnapshot(
            processID: UUID(), pid: 7, pools: [.init(index: 0, queues: "*", threads: 5)],
            slots: (0..<5).map { .init(index: $0, pool: 0, job: nil) }, isPaused: false, succeeded: 0, failed: 0,
            limits: limits, jobClasses: ["SyncJob"])
        return MonitorSnapshot(takenAt: now, queues: [QueueStats(name: "publications", queued: 50)], local: local)
    }

    func why(_ job: JobDetail, _ s: MonitorSnapshot) -> Blocker { Blocker.first(for: job, in: s, now: now) }

    @Test func aFullThrottleWindowIsNamedNotReady() {
        let throttle = ConcurrencyLimitState(key: "sync", rule: "perform_throttle: [2, 1s]", inUse: 0, limit: nil,
                                             waiting: 50, windowCount: 2, windowLimit: 2, nextFree: now + 0.4)
        let blocker = why(job(key: "sync"), snapshot([throttle]))
        #expect(blocker == .throttled(key: "sync", started: 2, limit: 2, waiting: 50, nextFree: now + 0.4))
        #expect(blocker.description(now: now)
                == "throttled: key sync started 2 of 2 in its window; the next start in 1s; 50 jobs wait their turn")
        #expect(why(job(key: "other"), snapshot([throttle])) == .ready)
    }

    @Test func aWindowWithRoomButALongerLineStillSaysThrottled() {
        let throttle = ConcurrencyLimitState(key: "label:api", rule: "perform_throttle: [2, 1s]", inUse: 0, limit: nil,
                                             waiting: 48, windowCount: 1, windowLimit: 2)
        #expect(why(job(labels: ["api"]), snapshot([throttle]))
                == .throttled(key: "label:api", started: 1, limit: 2, waiting: 48, nextFree: nil))
    }

    @Test func aReachedLimitIsNamed() {
        let limit = ConcurrencyLimitState(key: "sync", rule: "perform_limit: 2", inUse: 2, limit: 2, waiting: 5)
        let blocker = why(job(key: "sync"), snapshot([limit]))
        #expect(blocker == .atLimit(key: "sync", running: 2, limit: 2))
        #expect(blocker.description(now: now) == "concurrency key sync runs 2 of its limit 2")
    }

    @Test func aClassNoWorkerRunsIsNamed() {
        let blocker = why(job("UnknownRubyJob"), snapshot([]))
        #expect(blocker == .classNotServed(jobClass: "UnknownRubyJob", queue: "publications"))
        #expect(blocker.description(now: now)
                == "this worker does not run class UnknownRubyJob and no other worker serves queue publications")
        var s = snapshot([])
        s.processes = [ProcessRecord(id: UUID(), hostname: "rails", pid: 1, memoryKiB: 0, proctitle: "", pools: "*:5",
                                     queueSelections: ["*"], maxThreads: 5, activeThreads: 0, startedAt: now,
                                     heartbeatAt: now, isActive: true)]
        #expect(why(job("UnknownRubyJob"), s) == .ready)  // a Ruby worker serves the queue: it may take it
    }
}
