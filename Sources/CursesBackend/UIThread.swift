import Foundation

/// Runs `body` on a dedicated thread (ncurses blocks and is single-threaded; the cooperative
/// pool must never wait on it) and returns its result.
public func runOnUIThread<T: Sendable>(name: String = "gaffer-ui", _ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread {
            continuation.resume(returning: body())
        }
        thread.name = name
        thread.start()
    }
}
