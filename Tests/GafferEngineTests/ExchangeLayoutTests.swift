import Foundation
import GafferCore
@testable import GafferEngine
import Testing

@Suite("one round trip's transactions")
struct ExchangeLayoutTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func ended(_ outcome: AttemptResult.Outcome) -> AttemptResult {
        AttemptResult(jobID: UUID(), executionID: UUID(), outcome: outcome, error: nil, errorEvent: nil, backtrace: [],
                      duration: 0)
    }

    static func statement(_ name: String) -> ExchangeLayout.Statement { (name, []) }

    static let all = ExchangeLayout.Statements(end: statement("end"), unlock: statement("unlock"),
                                               claim: statement("claim"), lookAhead: statement("ahead"),
                                               backtraces: statement("traces"))

    static func names(_ plan: ExchangeLayout.Plan) -> [[String]] { plan.transactions.map { $0.map(\.sql) } }

    @Test func finishedEndsShareTheClaimsCommitAndTheUnlockFollows() {
        let layout = ExchangeLayout(ending: [Self.ended(.finished), Self.ended(.retry(serializedParams: "{}",
                                                                                       scheduledAt: Self.now + 1))],
                                    unlockingEarlier: false, afterFailure: false, now: Self.now)
        #expect(layout.merged)
        let plan = layout.transactions(Self.all)
        #expect(Self.names(plan) == [["end", "claim", "ahead"], ["unlock", "traces"]])
        #expect(plan.end == .init(transaction: 0, statement: 0) && plan.claim == .init(transaction: 0, statement: 1))
        #expect(plan.unlock == .init(transaction: 1, statement: 0) && plan.backtraces == .init(transaction: 1, statement: 1))
    }

    /// A job the end makes ready at once could be re-claimed, re-locked, by the session that still holds
    /// its lock; the unlock after would leave one count held. So the old layout: end, then unlock and claim.
    @Test(arguments: [AttemptResult.Outcome.interrupted, .retry(serializedParams: "{}", scheduledAt: nil),
                      .retry(serializedParams: "{}", scheduledAt: now)])
    func anEndThatMakesItsJobReadyKeepsTheUnlockBeforeTheClaim(_ outcome: AttemptResult.Outcome) {
        let layout = ExchangeLayout(ending: [Self.ended(.finished), Self.ended(outcome)], unlockingEarlier: false,
                                    afterFailure: false, now: Self.now)
        #expect(!layout.merged)
        #expect(Self.names(layout.transactions(Self.all)) == [["end"], ["unlock", "claim", "ahead", "traces"]])
    }

    @Test func anOwedUnlockOrAFailedRoundTripKeepsEndsApart() {
        let ends = [Self.ended(.finished)]
        #expect(!ExchangeLayout(ending: ends, unlockingEarlier: true, afterFailure: false, now: Self.now).merged)
        #expect(!ExchangeLayout(ending: ends, unlockingEarlier: false, afterFailure: true, now: Self.now).merged)
    }

    @Test func emptyPartsLeaveNoEmptyTransaction() {
        let layout = ExchangeLayout(ending: [], unlockingEarlier: false, afterFailure: false, now: Self.now)
        let claimOnly = layout.transactions(.init(end: nil, unlock: nil, claim: Self.statement("claim"),
                                                  lookAhead: Self.statement("ahead"), backtraces: nil))
        #expect(Self.names(claimOnly) == [["claim", "ahead"]])
        #expect(claimOnly.end == nil && claimOnly.unlock == nil)
        let nothing = layout.transactions(.init(end: nil, unlock: nil, claim: nil, lookAhead: nil, backtraces: nil))
        #expect(nothing.transactions.isEmpty)
    }
}
