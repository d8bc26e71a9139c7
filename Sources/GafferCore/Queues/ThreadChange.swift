/// A pool's thread count changed while the worker runs.
public struct ThreadChange: Sendable, Hashable, CustomStringConvertible {
    /// The pool's index (0-based; texts count from 1).
    public var pool: Int
    /// The pool's queue selection as written (`*`, `a,b`).
    public var queues: String
    public var from: Int
    public var to: Int

    public init(pool: Int, queues: String, from: Int, to: Int) {
        self.pool = pool
        self.queues = queues
        self.from = from
        self.to = to
    }

    /// `pool 1 (*): 5 → 3 threads; busy slots retire once their job ends`.
    public var description: String {
        "pool \(pool + 1) (\(queues)): \(from) → \(to) thread\(to == 1 ? "" : "s")"
            + (to < from ? "; busy slots retire once their job ends" : "")
    }
}
