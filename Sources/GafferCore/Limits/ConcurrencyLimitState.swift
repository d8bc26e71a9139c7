import Foundation

/// What the monitor shows for one concurrency key: its rule, how much of it is in use, and when it frees up.
public struct ConcurrencyLimitState: Sendable, Hashable {
    /// The concurrency key (`concurrency_key`, or `label:<label>` for a rule without a key).
    public var key: String
    /// The configured rule as text, e.g. `perform_limit: 2, perform_throttle: [10, 1m]`.
    public var rule: String
    /// Jobs in scope running now.
    public var inUse: Int
    /// The concurrency limit that applies, if any.
    public var limit: Int?
    /// Starts inside the throttle window, if a throttle applies.
    public var windowCount: Int?
    /// The throttle's limit per period, if a throttle applies.
    public var windowLimit: Int?
    /// The throttle's period in seconds, if a throttle applies.
    public var windowPeriod: Double?
    /// When the throttle next admits a start; nil when no throttle is full (a concurrency limit frees
    /// when a running job finishes, which has no known time).
    public var nextFree: Date?
    /// Jobs in scope waiting to run (queued, not locked).
    public var waiting: Int
    /// Recent attempts GoodJob deferred with its concurrency errors (Ruby workers record these).
    public var recentDeferrals: Int

    public init(
        key: String, rule: String, inUse: Int, limit: Int?, waiting: Int,
        windowCount: Int? = nil, windowLimit: Int? = nil, windowPeriod: Double? = nil, nextFree: Date? = nil,
        recentDeferrals: Int = 0
    ) {
        self.key = key
        self.rule = rule
        self.inUse = inUse
        self.limit = limit
        self.waiting = waiting
        self.windowCount = windowCount
        self.windowLimit = windowLimit
        self.windowPeriod = windowPeriod
        self.nextFree = nextFree
        self.recentDeferrals = recentDeferrals
    }

    /// Fills the window fields from a throttle evaluation.
    public init(key: String, rule: String, inUse: Int, limit: Int?, waiting: Int, throttle: ThrottleWindow) {
        self.init(
            key: key, rule: rule, inUse: inUse, limit: limit, waiting: waiting,
            windowCount: throttle.count, windowLimit: throttle.limit, windowPeriod: throttle.period,
            nextFree: throttle.isFull ? throttle.nextFree : nil)
    }

    /// Seconds until every waiting job could have started at the throttle's pace (`waiting / (limit / period)`);
    /// nil without a throttle or with nothing waiting.
    public var secondsToClear: Double? {
        guard waiting > 0, let windowLimit, windowLimit > 0, let windowPeriod else { return nil }
        return Double(waiting) * windowPeriod / Double(windowLimit)
    }

    /// Whether the limit is reached.
    public var isAtLimit: Bool { limit.map { inUse >= $0 } ?? false }

    /// Whether the throttle window is full.
    public var isThrottled: Bool {
        guard let windowCount, let windowLimit else { return false }
        return windowCount >= windowLimit
    }

    /// Whether a waiting job would be held back now, by the limit or the throttle.
    public var isBlocked: Bool { isAtLimit || isThrottled }
}
