/// One error-handling rule of a job, in declaration order with the others.
public enum FailureRule: Sendable {
    case retry(RetryRule)
    case discard(DiscardRule)

    /// Whether the rule handles an error.
    public func matches(_ error: any Error) -> Bool {
        switch self {
        case .retry(let rule): rule.matches(error)
        case .discard(let rule): rule.matches(error)
        }
    }
}
