import Synchronization

/// How many stop signals arrived; once stopping has begun, any signal counts as the second.
final class SignalCount: Sendable {
    private let count = Mutex(0)

    func increment() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }

    func markStopping() {
        count.withLock { $0 = max($0, 1) }
    }
}
