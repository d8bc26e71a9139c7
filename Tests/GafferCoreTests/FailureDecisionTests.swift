import Testing
@testable import GafferCore

private struct RateLimitError: Error {}
private struct NotFoundError: Error {}
/// A family of errors, as a Ruby superclass would be.
private protocol NetworkError: Error {}
private struct TimeoutError: NetworkError {}
private struct ConnectionReset: NetworkError {}

@Suite struct FailureDecisionTests {
    // MARK: Backoff

    @Test(arguments: [(1, 3.0), (2, 18.0), (3, 83.0), (4, 258.0), (5, 627.0), (10, 10_002.0)])
    func polynomiallyLongerWithoutJitter(executions: Int, seconds: Double) {
        #expect(RetryWait.polynomiallyLonger.delay(executions: executions, jitterUnit: 0) == seconds)
        #expect(RetryWait.exponentiallyLonger.delay(executions: executions, jitterUnit: 0) == seconds)
    }

    @Test func jitterIsAFractionOfTheBaseDelay() {
        // n = 2: 16 + 0.5 × 16 × 0.15 + 2
        #expect(RetryWait.polynomiallyLonger.delay(executions: 2, jitterUnit: 0.5) == 19.2)
        #expect(RetryWait.polynomiallyLonger.delay(executions: 2, jitterUnit: 0.5, jitter: 0.3) == 20.4)
        #expect(RetryWait.polynomiallyLonger.delay(executions: 2, jitterUnit: 0.99, jitter: 0) == 18)
        #expect(RetryWait.fixed(seconds: 10).delay(executions: 7, jitterUnit: 0.5) == 10.75)
        #expect(RetryWait.fixed(seconds: 10).delay(executions: 7, jitterUnit: 0) == 10)
        #expect(RetryWait.default == .fixed(seconds: 3))
    }

    // MARK: Decisions

    static let rateLimitRule = RetryRule(on: RateLimitError.self, attempts: 5, wait: .polynomiallyLonger)

    @Test func retryCountsTheCatchAndWaits() {
        let outcome = FailureDecision.decide(
            error: RateLimitError(), rules: [.retry(Self.rateLimitRule)],
            exceptionExecutions: ExceptionExecutions(["[Other]": 7, "[RateLimitError]": 1]),
            retryOnUnhandled: false, jitterUnit: 0)
        #expect(outcome == .retry(
            afterSeconds: 18, exceptionExecutions: ExceptionExecutions(["[Other]": 7, "[RateLimitError]": 2])))
        #expect(outcome.errorEvent == .retried)
        #expect(outcome.errorEvent.rawValue == 3)
        #expect(!outcome.finishesJob)
    }

    @Test func defaultErrorKeyIsRubyInspectOfTheType() {
        #expect(Self.rateLimitRule.errorKey == "[RateLimitError]")
        #expect(RetryRule(on: RateLimitError.self, errorKey: "[Net::ReadTimeout]").errorKey == "[Net::ReadTimeout]")
    }

    @Test(arguments: [
        (nil, true), (1, true), (3, true),  // catches 1, 2, 4 of 5: retry
        (4, false), (9, false),  // 5th catch and later: stopped
    ] as [(Int?, Bool)])
    func attemptsLimitCountsThisCatch(previousCount: Int?, retries: Bool) {
        var counters = ExceptionExecutions()
        counters["[RateLimitError]"] = previousCount
        let outcome = FailureDecision.decide(
            error: RateLimitError(), rules: [.retry(Self.rateLimitRule)], exceptionExecutions: counters,
            retryOnUnhandled: false, jitterUnit: 0)
        if retries {
            guard case .retry = outcome else {
                Issue.record("expected a retry, got \(outcome)")
                return
            }
        } else {
            #expect(outcome == .retryStopped)
            #expect(outcome.errorEvent.rawValue == 4)
            #expect(outcome.finishesJob)
        }
    }

    @Test func unlimitedAttemptsNeverStop() {
        let rule = RetryRule(on: RateLimitError.self, attempts: .unlimited, wait: .fixed(seconds: 1))
        let outcome = FailureDecision.decide(
            error: RateLimitError(), rules: [.retry(rule)],
            exceptionExecutions: ExceptionExecutions(["[RateLimitError]": 10_000]),
            retryOnUnhandled: false, jitterUnit: 0)
        #expect(outcome == .retry(afterSeconds: 1, exceptionExecutions: ExceptionExecutions(["[RateLimitError]": 10_001])))
    }

    @Test func discardRule() {
        let outcome = FailureDecision.decide(
            error: NotFoundError(), rules: [.retry(Self.rateLimitRule), .discard(DiscardRule(on: NotFoundError.self))],
            exceptionExecutions: ExceptionExecutions(), retryOnUnhandled: true, jitterUnit: 0)
        #expect(outcome == .discard)
        #expect(outcome.errorEvent.rawValue == 5)
        #expect(outcome.finishesJob)
    }

    @Test func unmatchedErrorsAreUnhandled() {
        let rules: [FailureRule] = [.retry(Self.rateLimitRule)]
        let finished = FailureDecision.decide(
            error: NotFoundError(), rules: rules, exceptionExecutions: ExceptionExecutions(),
            retryOnUnhandled: false, jitterUnit: 0)
        #expect(finished == .unhandled)
        #expect(finished.errorEvent.rawValue == 1)
        #expect(finished.finishesJob)

        let rerun = FailureDecision.decide(
            error: NotFoundError(), rules: rules, exceptionExecutions: ExceptionExecutions(),
            retryOnUnhandled: true, jitterUnit: 0)
        #expect(rerun == .unhandledRetry(.unhandled))
        #expect(rerun.errorEvent.rawValue == 1)
        #expect(!rerun.finishesJob)
    }

    @Test func exhaustedRetryWithRetryOnUnhandledRunsAgain() {
        let outcome = FailureDecision.decide(
            error: RateLimitError(), rules: [.retry(Self.rateLimitRule)],
            exceptionExecutions: ExceptionExecutions(["[RateLimitError]": 4]), retryOnUnhandled: true, jitterUnit: 0)
        #expect(outcome == .unhandledRetry(.retryStopped))
        #expect(!outcome.finishesJob)
    }

    @Test func lastDeclaredMatchingRuleWins() {
        let retryNetwork = FailureRule.retry(
            RetryRule(errorKey: "[NetworkError]", wait: .fixed(seconds: 5), matches: { $0 is any NetworkError }))
        let discardTimeout = FailureRule.discard(DiscardRule(on: TimeoutError.self))

        let discardLast = FailureDecision.decide(
            error: TimeoutError(), rules: [retryNetwork, discardTimeout],
            exceptionExecutions: ExceptionExecutions(), retryOnUnhandled: false, jitterUnit: 0)
        #expect(discardLast == .discard)

        let retryLast = FailureDecision.decide(
            error: TimeoutError(), rules: [discardTimeout, retryNetwork],
            exceptionExecutions: ExceptionExecutions(), retryOnUnhandled: false, jitterUnit: 0)
        #expect(retryLast == .retry(afterSeconds: 5, exceptionExecutions: ExceptionExecutions(["[NetworkError]": 1])))

        // The family rule still catches the other members.
        let plain = FailureDecision.decide(
            error: ConnectionReset(), rules: [retryNetwork, discardTimeout],
            exceptionExecutions: ExceptionExecutions(), retryOnUnhandled: false, jitterUnit: 0)
        #expect(plain.errorEvent == .retried)
    }

    @Test func separateListsPutDiscardRulesLast() {
        let outcome = FailureDecision.decide(
            error: TimeoutError(),
            retryRules: [RetryRule(errorKey: "[NetworkError]", matches: { $0 is any NetworkError })],
            discardRules: [DiscardRule(on: TimeoutError.self)],
            exceptionExecutions: ExceptionExecutions(), retryOnUnhandled: false, jitterUnit: 0)
        #expect(outcome == .discard)
    }

    // MARK: Error text and events

    @Test func errorText() {
        #expect(ErrorText.format(typeName: "RateLimitError", message: "429: slow down") == "RateLimitError: 429: slow down")
        #expect(ErrorText.typeName(of: "RateLimitError: 429: slow down") == "RateLimitError")
        #expect(ErrorText.message(of: "RateLimitError: 429: slow down") == "429: slow down")
        #expect(ErrorText.typeName(of: "Boom") == "Boom")
        #expect(ErrorText.message(of: "Boom") == nil)
        #expect(ErrorText.interrupted(performedAt: JobTimestamp(secondsSince1970: 1_784_548_800, nanoseconds: 5))
            == "GoodJob::InterruptedError: Interrupted after starting perform at '2026-07-20 12:00:00 UTC'")
    }

    @Test func errorEventValuesMatchGoodJob() {
        #expect(ErrorEvent.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
        #expect(ErrorEvent.allCases.map(\.name) == ["interrupted", "unhandled", "handled", "retried", "retry_stopped", "discarded"])
    }
}
