import Foundation

/// How one concurrency scope is used right now, for the monitor's limits pane.
public struct ScopeUsage: Sendable, Hashable {
    /// Rows in scope running now (performed, unfinished, held by a process).
    public let running: Int
    /// Unfinished rows in scope that no process holds: queued, scheduled, or waiting to be re-run.
    public let waiting: Int
    /// Starts (or enqueues, for an enqueue throttle) inside the throttle window; 0 without a throttle.
    public let windowCount: Int
    /// The newest of those, newest first, at most the throttle's limit.
    public let windowNewest: [Date]
    /// Attempts in scope deferred by GoodJob's concurrency errors since the deferral horizon.
    public let recentDeferrals: Int
}
