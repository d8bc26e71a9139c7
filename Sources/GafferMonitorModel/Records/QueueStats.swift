#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One queue's job counts by GoodJob's state scopes, as its dashboard counts them (contract §2.2).
///
/// `discarded` counts only the newest `MonitorLimits.discardedCap` discarded rows across all
/// queues (read from the discarded partial index); `MonitorSnapshot.discardedCapped` says
/// when the cap was reached so the screen can show "≥".
/// Above `MonitorLimits.exactCountCap` unfinished rows, `queued`, `scheduled` and `retried` are estimates
/// from a sample (`isEstimate`), shown as `≈`; `running` stays exact for claimed jobs.
public struct QueueStats: Sendable, Hashable {
    /// Queue name; `""` for rows whose `queue_name` is NULL.
    public var name: String
    public var queued: Int
    public var scheduled: Int
    public var running: Int
    public var retried: Int
    public var discarded: Int
    /// `scheduled_at` of the oldest job ready to run (queued), nil when none waits.
    public var oldestReadyAt: Date?
    /// True when `queued`, `scheduled` and `retried` are estimated from a sample, not counted.
    public var isEstimate: Bool

    public init(name: String, queued: Int = 0, scheduled: Int = 0, running: Int = 0, retried: Int = 0,
                discarded: Int = 0, oldestReadyAt: Date? = nil, isEstimate: Bool = false) {
        self.name = name
        self.queued = queued
        self.scheduled = scheduled
        self.running = running
        self.retried = retried
        self.discarded = discarded
        self.oldestReadyAt = oldestReadyAt
        self.isEstimate = isEstimate
    }
}
