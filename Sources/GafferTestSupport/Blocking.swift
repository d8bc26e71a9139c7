import Foundation

/// Runs a blocking call (waitpid, pg_ctl, a pipe read) on a thread of its own, off Swift's cooperative pool.
///
/// The pool has one thread per core, two on CI: a test blocking one stalls every other test's
/// tasks, workers and pollers included, for as long as the call lasts, and their waits time out.
public enum Blocking {
    @discardableResult
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
