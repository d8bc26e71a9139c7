import GafferTestSupport
import Synchronization
import Testing

@testable import GafferEngine

@Suite("wake signal")
struct WakeSignalTests {
    /// A timeout that fires before the waiter is installed must still end the wait (it used to hang a pool).
    /// Many short waits make that interleaving likely; nothing here can force it.
    @Test func zeroAndTinyTimeoutsAlwaysReturn() async throws {
        let wake = WakeSignal()
        let done = Atomic<Int>(0)
        let waits = 2_000
        let task = Task {
            for index in 0..<waits {
                await wake.wait(upTo: index.isMultiple(of: 2) ? 0 : 0.0004)
                done.add(1, ordering: .relaxed)
            }
        }
        try await TestWait.until("\(waits) short waits return", timeout: 30, every: 0.05) {
            done.load(ordering: .relaxed) == waits
        }
        await task.value
    }

    @Test func signalBeforeWaitIsNotLost() async {
        let wake = WakeSignal()
        wake.signal()
        await wake.wait(upTo: 3600)
    }
}
