/// Why an action left a job unchanged.
public enum JobActionRefusal: Sendable, Hashable, CustomStringConvertible {
    /// Another session (a worker running it) holds the job's advisory lock.
    case busy
    case notFound
    /// The job's state is not one the action accepts.
    case wrongState(JobState)
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
