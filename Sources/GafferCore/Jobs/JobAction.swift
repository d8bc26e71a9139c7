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
    /// Finish a running job with GoodJob's force-discard error, without its lock: for an attempt whose
    /// process is gone or stuck. The attempt is not stopped.
    case forceDiscard = "force-discard"

    /// The states the action accepts (running jobs only by force-discard, as GoodJob's dashboard offers it).
    public var allowedStates: Set<JobState> {
        switch self {
        case .retry: [.discarded]
        case .discard, .reschedule: [.queued, .scheduled, .retried]
        case .destroy: [.discarded, .succeeded]
        case .forceDiscard: [.running]
        }
    }

    /// Whether the action takes the job's advisory lock and refuses a claimed job (all but force-discard).
    public var respectsWorkers: Bool { self != .forceDiscard }
}
