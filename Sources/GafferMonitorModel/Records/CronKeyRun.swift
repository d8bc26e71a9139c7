#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore

/// What the database knows of one cron entry: its newest job (by `cron_at`) and the one before.
///
/// Schedules live only in application configuration (contract §6); `previousCronAt` lets the
/// screen estimate the period when no local definition is known.
public struct CronKeyRun: Sendable, Hashable {
    public var key: String
    public var jobClass: String
    public var lastCronAt: Date?
    public var previousCronAt: Date?
    public var lastJobID: UUID
    /// Derived state of the newest job (`succeeded`, `discarded`, `running`, ...).
    public var lastState: JobState

    public init(key: String, jobClass: String, lastCronAt: Date?, previousCronAt: Date?, lastJobID: UUID,
                lastState: JobState) {
        self.key = key
        self.jobClass = jobClass
        self.lastCronAt = lastCronAt
        self.previousCronAt = previousCronAt
        self.lastJobID = lastJobID
        self.lastState = lastState
    }
}
