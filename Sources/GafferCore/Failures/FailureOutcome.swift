/// What happens to a job whose attempt raised an error, and the `error_event` recorded.
public enum FailureOutcome: Sendable, Hashable {
    /// Re-enqueue the same row after a delay, writing the updated counters into `serialized_params`.
    case retry(afterSeconds: Double, exceptionExecutions: ExceptionExecutions)
    /// Finish the job with the error (a discard rule matched).
    case discard
    /// Finish the job with the error: the matching retry rule has no attempts left.
    case retryStopped
    /// Finish the job with the error: no rule matched.
    case unhandled
    /// `retry_on_unhandled_error` is on: run the job again, `scheduled_at` and params unchanged.
    /// The event is `.unhandled`, or `.retryStopped` when a retry rule ran out.
    case unhandledRetry(ErrorEvent)

    /// The value for `error_event` on the job and the attempt.
    public var errorEvent: ErrorEvent {
        switch self {
        case .retry: .retried
        case .discard: .discarded
        case .retryStopped: .retryStopped
        case .unhandled: .unhandled
        case .unhandledRetry(let event): event
        }
    }

    /// Whether the job row gets `finished_at` (false: it will run again).
    public var finishesJob: Bool {
        switch self {
        case .discard, .retryStopped, .unhandled: true
        case .retry, .unhandledRetry: false
        }
    }
}
