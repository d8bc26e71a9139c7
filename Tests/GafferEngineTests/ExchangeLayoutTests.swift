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
                                               backtraces: statement("traces"), asyncCommit: statement("async"))

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
                                                  lookAhead: Self.statement("ahead"), backtraces: nil,
                                                  asyncCommit: Self.statement("async")))
        #expect(Self.names(claimOnly) == [["async", "claim", "ahead"]])
        #expect(claimOnly.end == nil && claimOnly.unlock == nil && claimOnly.claim == .init(transaction: 0, statement: 1))
        let nothing = layout.transactions(.init(end: nil, unlock: nil, claim: nil, lookAhead: nil, backtraces: nil))
        #expect(nothing.transactions.isEmpty)
    }

    /// A claim's commit waits for no WAL flush unless its transaction writes an end or a backtrace.
    @Test func onlyATransactionThatEndsNothingCommitsWithoutTheFlush() {
        let idle = ExchangeLayout(ending: [], unlockingEarlier: false, afterFailure: false, now: Self.now)
        var claim = Self.all
        claim.end = nil
        claim.unlock = nil
        #expect(Self.names(idle.transactions(claim)) == [["async", "claim", "ahead"], ["traces"]])
        claim.backtraces = nil
        claim.claim = nil
        claim.lookAhead = nil
        #expect(idle.transactions(claim).transactions.isEmpty)

        let owed = ExchangeLayout(ending: [], unlockingEarlier: true, afterFailure: false, now: Self.now)
        var unlockAndClaim = Self.all
        unlockAndClaim.end = nil
        unlockAndClaim.backtraces = nil
        let plan = owed.transactions(unlockAndClaim)
        #expect(Self.names(plan) == [["async", "unlock", "claim", "ahead"]])
        #expect(plan.unlock == .init(transaction: 0, statement: 1) && plan.claim == .init(transaction: 0, statement: 2))
        unlockAndClaim.backtraces = Self.statement("traces")
        #expect(Self.names(owed.transactions(unlockAndClaim)) == [["unlock", "claim", "ahead", "traces"]])
    }
}
