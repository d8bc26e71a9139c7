@testable import GafferEngine
import Testing

@Suite("how many jobs a pool may claim")
struct ClaimBudgetTests {
    static func budget(slots: Int, live: Int? = nil, running: Int = 0, waiting: Int = 0, reserved: Int = 0,
                       ahead: Bool = true) -> ClaimBudget {
        ClaimBudget(slots: slots, liveSlots: live ?? slots, running: running, waiting: waiting, reserved: reserved,
                    claimsAhead: ahead)
    }

    @Test func anIdlePoolClaimsItsSlotsAndOneBatchAhead() {
        #expect(Self.budget(slots: 5).free == 25)
        #expect(Self.budget(slots: 10).free == 30)
        #expect(Self.budget(slots: 2).free == 10)
        #expect(Self.budget(slots: 3).free == 15)
    }

    @Test func aSingleSlotNeverClaimsAhead() {
        #expect(Self.budget(slots: 1).free == 1)
        #expect(Self.budget(slots: 3, live: 1, running: 3).free == 0)
    }

    @Test func theBatchAheadIsCappedWhateverTheThreadCount() {
        #expect(Self.budget(slots: 50).ahead == ClaimBudget.batchLimit)
        #expect(Self.budget(slots: 50).free == 50 + ClaimBudget.batchLimit)
    }

    /// Never more than one batch waits beyond the slots, counting the claims still in flight.
    @Test func runningWaitingAndInFlightJobsUseTheBudget() {
        #expect(Self.budget(slots: 5, running: 5, waiting: 20).free == 0)
        #expect(Self.budget(slots: 5, running: 5, waiting: 2).free == 18)
        #expect(Self.budget(slots: 5, running: 3, reserved: 4).free == 18)
        #expect(Self.budget(slots: 5, running: 5, waiting: 4, reserved: 16).free == 0)
    }

    /// A retiring slot is busy until its job ends; the batch ahead follows the new, lower thread count.
    @Test func retiringSlotsCountAsBusyAndShrinkTheBatchAhead() {
        let shrinking = Self.budget(slots: 6, live: 2, running: 6)
        #expect(shrinking.ahead == 8)
        #expect(shrinking.free == 8)
    }

    @Test func aFullBatchIsWorthARoundTripOfItsOwn() {
        #expect(Self.budget(slots: 10, running: 10, waiting: 0).hasFullBatch)
        #expect(!Self.budget(slots: 10, running: 10, waiting: 11).hasFullBatch)
        #expect(!Self.budget(slots: 0, live: 0).hasFullBatch)
    }
}

@Suite("claiming ahead only while jobs are short")
struct AttemptPaceTests {
    @Test func aNewPoolDoesNotClaimAhead() {
        #expect(!AttemptPace().jobsAreShort)
        #expect(ClaimBudgetTests.budget(slots: 5, ahead: false).free == 5)
    }

    @Test func shortAttemptsAllowItAndOneLongAttemptStopsItAtOnce() {
        var pace = AttemptPace()
        pace.record(duration: 0.001)
        #expect(pace.jobsAreShort)
        pace.record(duration: 2)
        #expect(!pace.jobsAreShort)
        var short = 0
        while !pace.jobsAreShort {
            pace.record(duration: 0.001)
            short += 1
        }
        #expect(short > 20 && short < 40)
    }
}
