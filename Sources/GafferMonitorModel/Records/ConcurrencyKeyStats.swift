import GafferCore

/// Unfinished jobs sharing a `concurrency_key`: how many run and how many wait.
///
/// Limits themselves live in job classes, not in the database (contract §7).
public struct ConcurrencyKeyStats: Sendable, Hashable {
    public var key: String
    public var running: Int
    public var waiting: Int
    /// The waiting ones by GoodJob's state scopes (a Ruby worker's over-limit jobs wait as retried).
    public var queued: Int
    public var scheduled: Int
    public var retried: Int

    public init(key: String, running: Int, waiting: Int, queued: Int = 0, scheduled: Int = 0, retried: Int = 0) {
        self.key = key
        self.running = running
        self.waiting = waiting
        self.queued = queued
        self.scheduled = scheduled
        self.retried = retried
    }

    /// The key's jobs per job-list tab.
    public var counts: [JobState: Int] {
        [.queued: queued, .scheduled: scheduled, .retried: retried, .running: running]
    }
}
