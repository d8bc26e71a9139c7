#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore

/// The first reason a job is not running now ("why isn't this running?").
public enum Blocker: Sendable, Hashable {
    /// Not waiting at all: it finished (succeeded or discarded).
    case finished(JobState)
    /// Running on the given process (host:pid when known).
    case running(process: String)
    /// Marked running, but its process is gone and nobody holds its lock: the next claim re-runs it.
    case orphaned
    case scheduledLater(Date)
    /// `scheduled_at` is NULL: GoodJob ≥ 4.9 and Gaffer only claim rows with `scheduled_at <= now`.
    case noScheduledAt
    /// `job_class` is NULL (or empty): Gaffer claims only classes it registered, so only a Ruby worker may take it.
    case noJobClass
    case paused(PauseKind, String)
    /// Claimed (`locked_by_id`) by a worker that has not started it yet.
    case claimed(process: String)
    /// The local worker's limiter: the throttle for its key is full, or more jobs wait than its
    /// window admits (they start in turn).
    case throttled(key: String, started: Int, limit: Int, waiting: Int, nextFree: Date?)
    /// The local worker's limiter: the concurrency limit of its key is reached.
    case atLimit(key: String, running: Int, limit: Int)
    /// Only the local worker serves its queue, and it does not register the job's class.
    case classNotServed(jobClass: String, queue: String)
    /// Other jobs with its concurrency key are running; its limit may be reached.
    case concurrency(key: String, running: Int)
    /// No active process has a pool whose queue selection takes its queue.
    case noWorker(queue: String)
    /// Only the local worker serves its queue, and it is paused.
    case localWorkerPaused
    /// Every thread that could take it is busy.
    case allThreadsBusy
    /// Nothing blocks it: the next claim should take it.
    case ready

    /// One line for the detail view.
    public func description(now: Date) -> String {
        switch self {
        case .finished(let state):
            state == .discarded ? "it was discarded (R retries it)" : "nothing: it finished successfully"
        case .running(let process): "running on \(process)"
        case .orphaned: "its process is gone: the next claim will mark it interrupted and run it again"
        case .scheduledLater(let at): "scheduled to run in \(Self.duration(at.timeIntervalSince(now)))"
        case .noScheduledAt: "its scheduled_at is NULL, so no worker claims it (reschedule it to give it a time)"
        case .noJobClass: "its job_class is NULL: no Gaffer worker claims it (a Ruby worker may, by its payload's class)"
        case .paused(let kind, let name): "\(kind.noun) \(name) is paused"
        case .claimed(let process): "claimed by \(process), starting"
        case .throttled(let key, let started, let limit, let waiting, let nextFree):
            "throttled: key \(key) started \(started) of \(limit) in its window"
                + (nextFree.map { "; the next start in \(Self.duration($0.timeIntervalSince(now)))" } ?? "")
                + (waiting > 1 ? "; \(waiting) jobs wait their turn" : "")
        case .atLimit(let key, let running, let limit): "concurrency key \(key) runs \(running) of its limit \(limit)"
        case .classNotServed(let jobClass, let queue):
            "this worker does not run class \(jobClass.isEmpty ? "(none)" : jobClass) and no other worker serves queue "
                + "\(queue.isEmpty ? "(none)" : queue)"
        case .concurrency(let key, let running):
            "concurrency key \(key) has \(running) running; its limit may be reached"
        case .noWorker(let queue): "no active worker serves queue \(queue.isEmpty ? "(none)" : queue)"
        case .localWorkerPaused: "the local worker is paused (P resumes)"
        case .allThreadsBusy: "all threads that serve its queue are busy"
        case .ready: "ready: the next free thread should take it"
        }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(max(s, 0))s" }
        if s < 3600 { return "\(s / 60)m \(s % 60)s" }
        if s < 86_400 { return "\(s / 3600)h \(s / 60 % 60)m" }
        return "\(s / 86_400)d \(s / 3600 % 24)h"
    }
}

extension Blocker {
    /// Walks the chain and names the first blocker of `job`, using the snapshot's processes,
    /// pauses and local worker.
    public static func first(for job: JobDetail, in snapshot: MonitorSnapshot, now: Date) -> Blocker {
        let processes = Dictionary(snapshot.processes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: UUID?) -> String {
            guard let id else { return "an unknown process" }
            if let local = snapshot.local, local.processID == id { return "this worker (pid \(local.pid))" }
            guard let p = processes[id] else { return "process \(id.uuidString.prefix(8).lowercased())" }
            return "\(p.hostname):\(p.pid.map(String.init) ?? "?")"
        }
        switch job.state {
        case .succeeded, .discarded: return .finished(job.state)
        case .running:
            let alive = job.advisoryLocked || job.lockedByProcess.map { id in
                processes[id]?.isActive == true || snapshot.local?.processID == id
            } == true
            return alive ? .running(process: name(job.lockedByProcess)) : .orphaned
        case .scheduled, .retried:
            if let at = job.scheduledAt, at > now { return .scheduledLater(at) }
        case .queued: break
        }
        if job.scheduledAt == nil { return .noScheduledAt }
        if job.jobClass.isEmpty { return .noJobClass }
        let settings = snapshot.settings
        if settings.isPaused(.queue, job.queue) { return .paused(.queue, job.queue) }
        if settings.isPaused(.jobClass, job.jobClass) { return .paused(.jobClass, job.jobClass) }
        if let label = job.labels.first(where: { settings.isPaused(.label, $0) }) { return .paused(.label, label) }
        if let owner = job.lockedByProcess { return .claimed(process: name(owner)) }
        if let limiter = localLimit(for: job, in: snapshot) { return limiter }
        if let key = job.concurrencyKey,
           let stats = snapshot.concurrencyKeys.first(where: { $0.key == key }), stats.running > 0 {
            return .concurrency(key: key, running: stats.running)
        }
        let remote = snapshot.processes.filter { p in
            p.isActive && p.id != snapshot.local?.processID
                && p.queueSelections.contains { QueueSelectionMatch.accepts($0, queue: job.queue) }
        }
        let localPools = snapshot.local?.pools.filter { QueueSelectionMatch.accepts($0.queues, queue: job.queue) } ?? []
        if remote.isEmpty && localPools.isEmpty { return .noWorker(queue: job.queue) }
        if remote.isEmpty, let classes = snapshot.local?.jobClasses, !classes.contains(job.jobClass) {
            return .classNotServed(jobClass: job.jobClass, queue: job.queue)
        }
        if remote.isEmpty, snapshot.local?.isPaused == true { return .localWorkerPaused }
        let remoteFree = remote.contains { $0.activeThreads < $0.maxThreads }
        let localFree = snapshot.local.map { local in
            !local.isPaused && local.slots.contains { slot in
                slot.job == nil && localPools.contains { $0.index == slot.pool }
            }
        } ?? false
        if !remoteFree && !localFree { return .allThreadsBusy }
        return .ready
    }

    /// What the local worker's limiter says about the job's key (`concurrency_key`, or `label:<label>`
    /// for a rule on a label): at its limit, or throttled; nil when it holds nothing back.
    static func localLimit(for job: JobDetail, in snapshot: MonitorSnapshot) -> Blocker? {
        let keys = Set([job.concurrencyKey].compactMap { $0 } + job.labels.map { "label:" + $0 })
        for state in snapshot.local?.limits ?? [] where keys.contains(state.key) {
            if let limit = state.limit, state.inUse >= limit {
                return .atLimit(key: state.key, running: state.inUse, limit: limit)
            }
            if let limit = state.windowLimit {
                let started = state.windowCount ?? 0
                if started >= limit || state.waiting > limit - started {
                    return .throttled(key: state.key, started: started, limit: limit, waiting: state.waiting,
                                      nextFree: state.nextFree)
                }
            }
        }
        return nil
    }
}
