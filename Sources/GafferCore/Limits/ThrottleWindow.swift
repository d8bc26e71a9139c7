import Foundation

/// The recent starts for one key measured against a GoodJob throttle `[limit, period]`.
///
/// Used for both `enqueue_throttle` (starts = `good_jobs.created_at` in scope) and
/// `perform_throttle` (starts = `good_job_executions.created_at` in scope, minus the attempts that
/// themselves failed with `ThrottleExceededError`; the caller filters those). A start counts while it
/// is strictly later than `now - period`, as GoodJob's `created_at > period.ago`; starts later than
/// `now` (clock skew between hosts) count too.
public struct ThrottleWindow: Sendable, Hashable {
    /// Starts allowed per period (GoodJob's `n`).
    public let limit: Int
    /// Length of the sliding window, in seconds (GoodJob's `period`).
    public let period: TimeInterval
    public let now: Date
    /// The starts that count, oldest first.
    public let startsInWindow: [Date]

    public init(limit: Int, period: TimeInterval, starts: some Sequence<Date>, now: Date) {
        self.limit = limit
        self.period = period
        self.now = now
        let windowStart = now.addingTimeInterval(-period)
        startsInWindow = starts.filter { $0 > windowStart }.sorted()
    }

    /// Starts inside the window.
    public var count: Int { startsInWindow.count }

    /// Whether another start now would exceed the limit (GoodJob: `count + 1 > limit`).
    public var isFull: Bool { count >= limit }

    /// The moment the window admits another start, or nil if it never does (a limit of 0 or less).
    ///
    /// `now` when not full; otherwise the oldest of the last `limit` starts plus the period, the first
    /// instant at which that start no longer counts.
    public var nextFree: Date? {
        guard limit > 0 else { return nil }
        guard isFull else { return now }
        return startsInWindow[count - limit].addingTimeInterval(period)
    }

    /// GoodJob's perform-stage rule: an attempt may run when it is among the `limit` oldest starts in the window.
    ///
    /// `start` is the current job's earliest start in the window. Starts at the very same instant
    /// rank equal here; GoodJob's `ORDER BY created_at` leaves their order to the database.
    public func admitsStart(at start: Date) -> Bool {
        guard start > now.addingTimeInterval(-period) else { return false }
        let earlier = startsInWindow.prefix { $0 < start }.count
        return earlier < limit
    }
}
