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
    public var allowedStates: Set<JobListState> {
        switch self {
        case .retry: [.discarded]
        case .discard, .reschedule: [.queued, .scheduled, .retried]
        case .destroy: [.discarded, .succeeded]
        }
    }
}

/// What happened when an action met one job.
public enum JobActionOutcome: Sendable, Hashable {
    case done
    case refused(JobActionRefusal)
}

/// Why an action left a job unchanged.
public enum JobActionRefusal: Sendable, Hashable, CustomStringConvertible {
    /// Another session (a worker running it) holds the job's advisory lock.
    case busy
    case notFound
    /// The job's state is not one the action accepts.
    case wrongState(JobListState)
    /// A worker has claimed it (`locked_by_id` set) and may start it any moment.
    case claimed

    public var description: String {
        switch self {
        case .busy: "locked by a running worker"
        case .notFound: "no such job"
        case .wrongState(let state): "job is \(state.rawValue)"
        case .claimed: "claimed by a worker"
        }
    }
}
