/// Active Job's `retry_on`: re-enqueue the job when a matching error is raised, a limited number of times.
public struct RetryRule: Sendable {
    /// How many attempts the rule allows (Active Job's `attempts:`, default 5).
    public enum Attempts: Sendable, Hashable, ExpressibleByIntegerLiteral {
        case limited(Int)
        case unlimited

        public init(integerLiteral value: Int) {
            self = .limited(value)
        }
    }

    /// The rule's counter key in `exception_executions`: Ruby's `inspect` of the exception list,
    /// e.g. `"[RateLimitError]"`. Use the Ruby spelling to share counters with Ruby workers.
    public var errorKey: String
    public var attempts: Attempts
    public var wait: RetryWait
    /// Largest extra wait as a fraction of the delay (Active Job's `retry_jitter`, default 0.15).
    public var jitter: Double
    /// Whether the rule handles an error.
    public var matches: @Sendable (any Error) -> Bool

    public init(
        errorKey: String,
        attempts: Attempts = 5,
        wait: RetryWait = .default,
        jitter: Double = 0.15,
        matches: @escaping @Sendable (any Error) -> Bool
    ) {
        self.errorKey = errorKey
        self.attempts = attempts
        self.wait = wait
        self.jitter = jitter
        self.matches = matches
    }

    /// A rule for errors of type `E` (and, for classes, its subclasses); the key defaults to `"[E]"`.
    public init<E: Error>(
        on type: E.Type,
        errorKey: String? = nil,
        attempts: Attempts = 5,
        wait: RetryWait = .default,
        jitter: Double = 0.15
    ) {
        self.init(
            errorKey: errorKey ?? "[\(String(describing: type))]",
            attempts: attempts, wait: wait, jitter: jitter,
            matches: { $0 is E })
    }

    /// Whether a rule that has now caught the error `count` times (including this time) retries again.
    public func allowsRetry(afterCatching count: Int) -> Bool {
        switch attempts {
        case .unlimited: true
        case .limited(let limit): count < limit
        }
    }
}
