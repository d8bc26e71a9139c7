/// Why a job or attempt carries an error: `good_jobs.error_event` / `good_job_executions.error_event`.
public enum ErrorEvent: Int, Sendable, Hashable, CaseIterable {
    /// A previous attempt never finished (its process died), or the job raised an interrupt error.
    case interrupted = 0
    /// The error escaped every retry and discard rule.
    case unhandled = 1
    /// A plain rescue handler swallowed the error.
    case handled = 2
    /// A retry rule re-enqueued the job (also set by the dashboard's Retry).
    case retried = 3
    /// A retry rule ran out of attempts and let the error escape.
    case retryStopped = 4
    /// A discard rule matched, or the job was discarded by hand.
    case discarded = 5

    /// GoodJob's name for the value, as the dashboard shows it (`retry_stopped`).
    public var name: String {
        switch self {
        case .interrupted: "interrupted"
        case .unhandled: "unhandled"
        case .handled: "handled"
        case .retried: "retried"
        case .retryStopped: "retry_stopped"
        case .discarded: "discarded"
        }
    }
}
