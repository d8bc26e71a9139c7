import Foundation

/// One `good_job_batches` row with its jobs' and callback jobs' progress, as the screen and `status` show it.
public struct BatchSummary: Sendable, Hashable {
    /// Where a batch is: `open` (jobs may still be added, not enqueued), `running` (enqueued, jobs
    /// unfinished), `callbacks` (jobs finished, callback jobs running), `succeeded`, `discarded`.
    public enum State: String, Sendable, Hashable {
        case open, running, callbacks, succeeded, discarded
    }

    public var id: UUID
    public var description: String?
    public var createdAt: Date
    public var enqueuedAt: Date?
    public var discardedAt: Date?
    public var jobsFinishedAt: Date?
    public var finishedAt: Date?
    public var onFinish: String?
    public var onSuccess: String?
    public var onDiscard: String?
    public var callbackQueueName: String?
    public var callbackPriority: Int?
    public var jobs: Int
    public var jobsFinished: Int
    public var jobsDiscarded: Int
    public var callbacks: Int
    public var callbacksFinished: Int

    public init(id: UUID, description: String?, createdAt: Date, enqueuedAt: Date?, discardedAt: Date?,
                jobsFinishedAt: Date?, finishedAt: Date?, onFinish: String?, onSuccess: String?, onDiscard: String?,
                callbackQueueName: String?, callbackPriority: Int?, jobs: Int, jobsFinished: Int, jobsDiscarded: Int,
                callbacks: Int, callbacksFinished: Int) {
        self.id = id
        self.description = description
        self.createdAt = createdAt
        self.enqueuedAt = enqueuedAt
        self.discardedAt = discardedAt
        self.jobsFinishedAt = jobsFinishedAt
        self.finishedAt = finishedAt
        self.onFinish = onFinish
        self.onSuccess = onSuccess
        self.onDiscard = onDiscard
        self.callbackQueueName = callbackQueueName
        self.callbackPriority = callbackPriority
        self.jobs = jobs
        self.jobsFinished = jobsFinished
        self.jobsDiscarded = jobsDiscarded
        self.callbacks = callbacks
        self.callbacksFinished = callbacksFinished
    }

    public var state: State {
        if finishedAt != nil { return discardedAt == nil ? .succeeded : .discarded }
        if jobsFinishedAt != nil { return .callbacks }
        return enqueuedAt == nil ? .open : .running
    }

    /// The callback classes set, as `event:Class`, in GoodJob's firing order.
    public var callbackClasses: [String] {
        [("discard", onDiscard), ("success", onSuccess), ("finish", onFinish)].compactMap { event, name in
            name.flatMap { $0.isEmpty ? nil : "\(event):\($0)" }
        }
    }
}
