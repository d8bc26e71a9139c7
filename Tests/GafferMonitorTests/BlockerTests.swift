import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
import Testing

@Suite struct BlockerTests {
    let now = Seed.now

    func job(_ state: JobState = .queued, queue: String = "default", scheduledAt: Date? = nil,
             labels: [String] = [], key: String? = nil, lockedBy: UUID? = nil, locked: Bool = false) -> JobDetail {
        JobDetail(id: UUID(), jobClass: "SyncJob", queue: queue, priority: 0, state: state, createdAt: now,
                  scheduledAt: scheduledAt ?? now, performedAt: nil, finishedAt: nil, attempts: 0, labels: labels,
                  error: nil, errorEvent: nil, concurrencyKey: key, cronKey: nil, lockedByProcess: lockedBy,
                  advisoryLocked: locked, arguments: "[]", executions: [], executionCount: 0)
    }

    func process(_ selections: [String], busy: Bool = false, active: Bool = true) -> ProcessRecord {
        ProcessRecord(id: UUID(), hostname: "w1", pid: 7, memoryKiB: 0, proctitle: "", pools: "",
                      queueSelections: selections, maxThreads: 2, activeThreads: busy ? 2 : 0, startedAt: now,
                      heartbeatAt: now, isActive: active)
    }

    func blocker(_ job: JobDetail, _ snapshot: MonitorSnapshot) -> Blocker { Blocker.first(for: job, in: snapshot, now: now) }

    @Test func walksTheChainInOrder() {
        var s = MonitorSnapshot(takenAt: now, processes: [process(["mailers,default"])])
        #expect(blocker(job(.succeeded), s) == .finished(.succeeded))
        #expect(blocker(job(.scheduled, scheduledAt: now + 90), s) == .scheduledLater(now + 90))
        #expect(Blocker.scheduledLater(now + 90).description(now: now) == "scheduled to run in 1m 30s")
        #expect(blocker(job(), s) == .ready)
        s.settings.pausedLabels = ["bulk"]
        #expect(blocker(job(labels: ["x", "bulk"]), s) == .paused(.label, "bulk"))
        s.settings.pausedQueues = ["default"]
        #expect(blocker(job(labels: ["bulk"]), s) == .paused(.queue, "default"))
        #expect(Blocker.paused(.queue, "default").description(now: now) == "queue default is paused")
        s.settings = SettingsRecord()
        let owner = s.processes[0].id
        #expect(blocker(job(lockedBy: owner), s) == .claimed(process: "w1:7"))
        s.concurrencyKeys = [ConcurrencyKeyStats(key: "k", running: 1, waiting: 3)]
        #expect(blocker(job(key: "k"), s) == .concurrency(key: "k", running: 1))
        #expect(blocker(job(queue: "reports"), s) == .noWorker(queue: "reports"))
        s.processes = [process(["-reports"])]
        #expect(blocker(job(queue: "reports"), s) == .noWorker(queue: "reports"))
        s.processes = [process(["*"], busy: true)]
        #expect(blocker(job(), s) == .allThreadsBusy)
        s.processes = [process(["+default,mailers"], active: false)]
        #expect(blocker(job(), s) == .noWorker(queue: "default"))
    }

    @Test func runningJobsAreAliveOrOrphaned() {
        let p = process(["*"])
        let s = MonitorSnapshot(takenAt: now, processes: [p])
        #expect(blocker(job(.running, lockedBy: p.id), s) == .running(process: "w1:7"))
        #expect(blocker(job(.running, lockedBy: UUID()), s) == .orphaned)
        #expect(blocker(job(.running, locked: true), s) == .running(process: "an unknown process"))
    }

    @Test func theLocalWorkerCounts() {
        let worker = FakeLocalWorker()
        var s = MonitorSnapshot(takenAt: now, local: worker.snapshot())
        #expect(blocker(job(), s) == .ready)
        s.local?.isPaused = true
        #expect(blocker(job(), s) == .localWorkerPaused)
        s.local?.isPaused = false
        let busy = worker.snapshot().slots.map { slot -> LocalWorkerSnapshot.Slot in
            var slot = slot
            slot.job = .init(id: UUID(), jobClass: "X", queue: "default", attempt: 1, startedAt: now)
            return slot
        }
        s.local?.slots = busy
        #expect(blocker(job(), s) == .allThreadsBusy)
    }
}
