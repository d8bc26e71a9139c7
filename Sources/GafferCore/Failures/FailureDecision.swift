/// Decides what a job's error leads to, as Active Job's `retry_on`/`discard_on` and GoodJob do.
///
/// Active Job searches rescue handlers from the bottom up, so when several rules match an error
/// the **last declared** wins (`retry_on NetworkError` then `discard_on TimeoutError` discards a
/// `TimeoutError` even if it is also a `NetworkError`). A matching retry rule counts the catch in
/// `exception_executions[errorKey]` and retries while that count is below its attempts.
public enum FailureDecision {
    /// Applies `rules` (in declaration order) to `error`.
    ///
    /// - Parameters:
    ///   - exceptionExecutions: the payload's counters before this attempt.
    ///   - retryOnUnhandled: GoodJob's `retry_on_unhandled_error` setting.
    ///   - jitterUnit: a random number in 0..<1 for the retry delay's jitter.
    public static func decide(
        error: any Error,
        rules: [FailureRule],
        exceptionExecutions: ExceptionExecutions,
        retryOnUnhandled: Bool,
        jitterUnit: Double
    ) -> FailureOutcome {
        switch rules.last(where: { $0.matches(error) }) {
        case .discard?:
            return .discard
        case .retry(let rule)?:
            let counters = exceptionExecutions.incrementing(rule.errorKey)
            let count = counters[rule.errorKey] ?? 1
            if rule.allowsRetry(afterCatching: count) {
                let delay = rule.wait.delay(executions: count, jitterUnit: jitterUnit, jitter: rule.jitter)
                return .retry(afterSeconds: delay, exceptionExecutions: counters)
            }
            return retryOnUnhandled ? .unhandledRetry(.retryStopped) : .retryStopped
        case nil:
            return retryOnUnhandled ? .unhandledRetry(.unhandled) : .unhandled
        }
    }

    /// Same, for jobs that keep retry and discard rules apart: treats every discard rule as
    /// declared after every retry rule (the usual Rails layout), so discard wins when both match.
    public static func decide(
        error: any Error,
        retryRules: [RetryRule],
        discardRules: [DiscardRule],
        exceptionExecutions: ExceptionExecutions,
        retryOnUnhandled: Bool,
        jitterUnit: Double
    ) -> FailureOutcome {
        decide(
            error: error,
            rules: retryRules.map(FailureRule.retry) + discardRules.map(FailureRule.discard),
            exceptionExecutions: exceptionExecutions,
            retryOnUnhandled: retryOnUnhandled,
            jitterUnit: jitterUnit)
    }
}
