/// Waits for a condition another process or thread brings about, polling it (bounded).
///
/// This is synchronisation on observable state, not a sleep standing in for it: it returns as soon
/// as the condition holds and fails the test with `what` if it never does.
public enum TestWait {
    public struct TimedOut: Error, CustomStringConvertible {
        public let description: String
    }

    public static func until(_ what: String, timeout: Double = 30, every interval: Double = 0.01,
                             _ condition: () async throws -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(timeout * 1000))
        while clock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
        throw TimedOut(description: "timed out after \(timeout) s waiting for \(what)")
    }
}
