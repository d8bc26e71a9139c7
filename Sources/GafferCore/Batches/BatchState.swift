#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the bookkeeping after an attempt reads, under the batch's lock: the batch row and whether
/// member jobs and callback jobs are still unfinished.
public struct BatchState: Sendable, Hashable {
    public var enqueuedAt: Date?
    public var discardedAt: Date?
    public var jobsFinishedAt: Date?
    public var finishedAt: Date?
    /// Callback job class names as stored (`on_discard`, `on_success`, `on_finish`).
    public var onDiscard: String?
    public var onSuccess: String?
    public var onFinish: String?
    /// Some member job has `finished_at IS NULL`.
    public var hasUnfinishedJobs: Bool
    /// Some callback job of the batch has `finished_at IS NULL`.
    public var hasUnfinishedCallbacks: Bool
    /// Some member job finished with an error since the batch was enqueued: discarded, though its
    /// own bookkeeping step may not have run yet.
    public var hasJobsDiscardedSinceEnqueue: Bool

    public init(enqueuedAt: Date?, discardedAt: Date?, jobsFinishedAt: Date?, finishedAt: Date?,
                onDiscard: String?, onSuccess: String?, onFinish: String?,
                hasUnfinishedJobs: Bool, hasUnfinishedCallbacks: Bool, hasJobsDiscardedSinceEnqueue: Bool = false) {
        self.enqueuedAt = enqueuedAt
        self.discardedAt = discardedAt
        self.jobsFinishedAt = jobsFinishedAt
        self.finishedAt = finishedAt
        self.onDiscard = onDiscard
        self.onSuccess = onSuccess
        self.onFinish = onFinish
        self.hasUnfinishedJobs = hasUnfinishedJobs
        self.hasUnfinishedCallbacks = hasUnfinishedCallbacks
        self.hasJobsDiscardedSinceEnqueue = hasJobsDiscardedSinceEnqueue
    }

    /// The callback class for `event`, when one is set (Ruby's `present?`: not blank).
    public func callbackClass(_ event: BatchEvent) -> String? {
        let name: String? = switch event {
        case .discard: onDiscard
        case .success: onSuccess
        case .finish: onFinish
        }
        guard let name, name.contains(where: { !$0.isWhitespace }) else { return nil }
        return name
    }
}
