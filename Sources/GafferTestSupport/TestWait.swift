/// Waits for a condition another process or thread brings about, polling it (bounded).
///
/// This is synchronisation on observable state, not a sleep standing in for it: it returns as soon
/// as the condition holds and fails the test with `what` if it never does. The timeout is stretched
/// by `TestRun.patience`, and the condition is looked at once more after the deadline, so a poll
/// that a loaded machine did not schedule in time fails on a fresh answer, not on an old one.
public enum TestWait {
    public struct TimedOut: Error, CustomStringConvertible {
        public let description: String
    }

    public static func until(_ what: String, timeout: Double = 30, every interval: Double = 0.01,
                             _ condition: () async throws -> Bool) async throws {
        let allowed = TestRun.patient(timeout)
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(allowed * 1000))
        while true {
            let late = clock.now >= deadline
            if try await condition() { return }
            if late { break }
            try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
        throw TimedOut(description: "timed out after \(allowed) s waiting for \(what)")
    }
}
