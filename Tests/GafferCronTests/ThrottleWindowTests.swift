import Foundation
import Testing

@testable import GafferCore

struct ThrottleWindowTests {
    let now = instant("2024-05-01T12:00:00Z")

    func at(_ secondsFromNow: TimeInterval) -> Date { now.addingTimeInterval(secondsFromNow) }

    @Test func countsStartsStrictlyInsideTheWindow() {
        let window = ThrottleWindow(limit: 5, period: 60, starts: [at(-60), at(-59.5), at(-10), at(0), at(3)], now: now)
        // -60 is exactly `now - period` and no longer counts; a start after now (clock skew) does.
        #expect(window.count == 4)
        #expect(window.startsInWindow == [at(-59.5), at(-10), at(0), at(3)])
    }

    @Test func notFullAdmitsNow() {
        let window = ThrottleWindow(limit: 3, period: 60, starts: [at(-30), at(-5)], now: now)
        #expect(!window.isFull)
        #expect(window.nextFree == now)
    }

    @Test func fullFreesWhenTheOldestOfTheLastLimitStartsLeaves() {
        // Unsorted input; five starts against a limit of three: the third most recent is at -40.
        let starts = [at(-10), at(-50), at(-40), at(-55), at(-20)]
        let window = ThrottleWindow(limit: 3, period: 60, starts: starts, now: now)
        #expect(window.isFull)
        #expect(window.count == 5)
        #expect(window.nextFree == at(20))
    }

    @Test func exactlyAtTheLimitIsFull() {
        let window = ThrottleWindow(limit: 2, period: 3_600, starts: [at(-1_800), at(-60)], now: now)
        #expect(window.isFull)
        #expect(window.nextFree == at(1_800))
    }

    @Test func zeroLimitNeverAdmits() {
        let window = ThrottleWindow(limit: 0, period: 60, starts: [], now: now)
        #expect(window.isFull)
        #expect(window.nextFree == nil)
        #expect(!window.admitsStart(at: now))
    }

    @Test func performStageAdmitsTheLimitOldestStarts() {
        let window = ThrottleWindow(limit: 2, period: 60, starts: [at(-50), at(-30), at(-1)], now: now)
        #expect(window.admitsStart(at: at(-50)))
        #expect(window.admitsStart(at: at(-30)))
        #expect(!window.admitsStart(at: at(-1)))
        // A start that has left the window is not among those admitted.
        #expect(!window.admitsStart(at: at(-61)))
    }

    /// For random starts: at `nextFree` the window admits, and one second earlier it still did not.
    @Test func nextFreeIsTheFirstMomentThatAdmits() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let limit = Int.random(in: 1...6, using: &random)
            let period = TimeInterval(Int.random(in: 10...600, using: &random))
            let starts = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                at(-TimeInterval(Int.random(in: 0...700, using: &random)))
            }
            let window = ThrottleWindow(limit: limit, period: period, starts: starts, now: now)
            #expect(window.count == starts.filter { $0 > now.addingTimeInterval(-period) }.count)
            let free = try #require(window.nextFree)
            #expect(!ThrottleWindow(limit: limit, period: period, starts: starts, now: free).isFull)
            if window.isFull {
                #expect(free > now)
                #expect(ThrottleWindow(limit: limit, period: period, starts: starts, now: free.addingTimeInterval(-1)).isFull)
            } else {
                #expect(free == now)
            }
        }
    }
}

struct ConcurrencyLimitStateTests {
    let now = instant("2024-05-01T12:00:00Z")

    @Test func takesWindowFieldsFromAFullThrottle() {
        let throttle = ThrottleWindow(limit: 2, period: 60, starts: [now.addingTimeInterval(-50), now], now: now)
        let state = ConcurrencyLimitState(
            key: "SyncJob", rule: "perform_throttle: [2, 1m]", inUse: 1, limit: nil, waiting: 4, throttle: throttle)
        #expect(state.windowCount == 2)
        #expect(state.windowLimit == 2)
        #expect(state.nextFree == now.addingTimeInterval(10))
        #expect(state.isThrottled && !state.isAtLimit && state.isBlocked)
    }

    @Test func noNextFreeWhileTheThrottleHasRoom() {
        let throttle = ThrottleWindow(limit: 5, period: 60, starts: [now], now: now)
        let state = ConcurrencyLimitState(
            key: "label:imports", rule: "total_limit: 3, enqueue_throttle: [5, 1m]", inUse: 3, limit: 3, waiting: 0,
            throttle: throttle)
        #expect(state.nextFree == nil)
        #expect(state.isAtLimit && !state.isThrottled && state.isBlocked)
    }

    @Test func withoutLimitOrThrottleNothingBlocks() {
        let state = ConcurrencyLimitState(key: "k", rule: "", inUse: 9, limit: nil, waiting: 2)
        #expect(!state.isBlocked)
    }
}
