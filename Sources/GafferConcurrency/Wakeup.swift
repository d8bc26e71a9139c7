import Synchronization

/// A timed wait that another task can end early (`signal`): the worker's producer loop and the
/// monitor's poller sleep on one between rounds. A signal sent while nobody waits is kept.
public final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        var generation = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Ends the current wait, or the next one at once if nobody waits.
    public func signal() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard let w = s.waiter else { s.pending = true; return nil }
            s.waiter = nil
            return w
        }
        waiter?.resume()
    }

    /// Returns after `seconds`, on `signal()`, or on cancellation, whichever comes first.
    public func wait(seconds: Double) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let generation = state.withLock { s -> Int? in
                    if s.pending || Task.isCancelled { s.pending = false; return nil }
                    s.generation += 1
                    s.waiter = continuation
                    return s.generation
                }
                guard let generation else { continuation.resume(); return }
                Task { [self] in
                    try? await Task.sleep(for: .seconds(Self.sleepable(seconds)))
                    self.expire(generation)
                }
            }
        } onCancel: {
            signal()
        }
    }

    /// `seconds` as a `Duration` can hold: NaN and negatives are 0, and at most a year (an infinite or
    /// 1e308-second wait would trap converting to attoseconds; a wake-up that far off is never needed).
    static func sleepable(_ seconds: Double) -> Double {
        seconds.isNaN ? 0 : min(max(seconds, 0), 31_536_000)
    }

    private func expire(_ generation: Int) {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard s.generation == generation, let w = s.waiter else { return nil }
            s.waiter = nil
            return w
        }
        waiter?.resume()
    }
}
