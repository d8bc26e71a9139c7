/// Unfinished jobs sharing a `concurrency_key`: how many run and how many wait.
///
/// Limits themselves live in job classes, not in the database (contract §7).
public struct ConcurrencyKeyStats: Sendable, Hashable {
    public var key: String
    public var running: Int
    public var waiting: Int

    public init(key: String, running: Int, waiting: Int) {
        self.key = key
        self.running = running
        self.waiting = waiting
    }
}
