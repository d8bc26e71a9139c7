/// An operator action on one job, as GoodJob's dashboard defines it (contract §9).
public enum JobAction: String, Sendable, Hashable, CaseIterable {
    /// Re-enqueue a discarded job now.
    case retry
    /// Finish a waiting job with GoodJob's discard error.
    case discard
    /// Make a waiting job due now ("run now").
    case reschedule
    /// Delete a finished job and its executions.
    case destroy

    /// The states the action accepts (running jobs are never touched: no force-discard here).
    public var allowedStates: Set<JobState> {
        switch self {
        case .retry: [.discarded]
        case .discard, .reschedule: [.queued, .scheduled, .retried]
        case .destroy: [.discarded, .succeeded]
        }
    }
}
