/// A dashboard action on one job, and the badge states it is offered for.
public enum JobAction: String, Sendable, Hashable, CaseIterable {
    /// Run now: `scheduled_at = now`.
    case reschedule
    /// Re-enqueue a discarded job.
    case retry
    /// Finish an unstarted job with a discard error.
    case discard
    /// Finish a running job without taking its lock.
    case forceDiscard
    /// Delete a finished job and its executions.
    case destroy

    /// Whether GoodJob's dashboard offers the action for a job with badge `state`.
    public func isAvailable(for state: JobState) -> Bool {
        switch self {
        case .reschedule, .discard: [.scheduled, .retried, .queued].contains(state)
        case .retry: state == .discarded
        case .forceDiscard: state == .running
        case .destroy: state == .discarded || state == .succeeded
        }
    }
}
