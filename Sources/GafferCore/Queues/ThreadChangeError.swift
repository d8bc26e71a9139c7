/// A pool's thread count that cannot change as asked while the worker runs.
public struct ThreadChangeError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Fewer threads than `PoolSpec.threadRange` allows.
        case belowMinimum
        /// More threads than `PoolSpec.threadRange` allows.
        case aboveMaximum
        /// The worker has no pool with this index.
        case noSuchPool(pools: Int)
        /// The worker is stopping: its pools no longer change.
        case stopping
    }

    public var code: Code
    /// The pool's index (0-based; texts count from 1).
    public var pool: Int
    /// The pool's queue selection as written (`*`, `a,b`).
    public var queues: String
    /// The pool's thread count now.
    public var threads: Int
    public var requested: Int

    public init(_ code: Code, pool: Int, queues: String = "", threads: Int = 0, requested: Int) {
        self.code = code
        self.pool = pool
        self.queues = queues
        self.threads = threads
        self.requested = requested
    }

    /// Why `requested` threads are refused for a pool running `threads`, or nil when they are allowed.
    public static func check(pool: Int, queues: String, threads: Int, requested: Int) -> ThreadChangeError? {
        if requested < PoolSpec.threadRange.lowerBound {
            return ThreadChangeError(.belowMinimum, pool: pool, queues: queues, threads: threads, requested: requested)
        }
        if requested > PoolSpec.threadRange.upperBound {
            return ThreadChangeError(.aboveMaximum, pool: pool, queues: queues, threads: threads, requested: requested)
        }
        return nil
    }

    public var description: String {
        let name = "pool \(pool + 1) (\(queues))"
        let range = "\(PoolSpec.threadRange.lowerBound)…\(PoolSpec.threadRange.upperBound), as --max-threads"
        switch code {
        case .belowMinimum where threads == PoolSpec.threadRange.lowerBound:
            return "\(name) already runs \(threads) thread, the fewest a pool can run (\(range))"
        case .aboveMaximum where threads == PoolSpec.threadRange.upperBound:
            return "\(name) already runs \(threads) threads, the most a pool can run (\(range))"
        case .belowMinimum, .aboveMaximum:
            return "\(name) cannot run \(requested) threads: give a count in \(range)"
        case .noSuchPool(let pools):
            return "no pool \(pool + 1): this worker has \(pools) pool\(pools == 1 ? "" : "s")"
        case .stopping:
            return "the worker is stopping: its thread counts no longer change"
        }
    }
}
