#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore

/// One job as a list row: no arguments, no backtrace, the first labels, the error cut to its first 300 characters.
public struct JobSummary: Sendable, Hashable {
    public var id: UUID
    public var jobClass: String
    public var queue: String
    public var priority: Int?
    /// The row's own badge (contract §2.2); a job retried once says retried in the scheduled list.
    public var state: JobState
    /// The time the list is ordered by (scheduled, performed or finished, per state).
    public var sortAt: Date
    public var attempts: Int
    /// The first `labelLimit` labels.
    public var labels: [String]
    /// How many labels the row has.
    public var labelCount: Int
    public var error: String?

    public static let labelLimit = 10

    public init(id: UUID, jobClass: String, queue: String, priority: Int?, state: JobState, sortAt: Date,
                attempts: Int, labels: [String], labelCount: Int? = nil, error: String?) {
        self.id = id
        self.jobClass = jobClass
        self.queue = queue
        self.priority = priority
        self.state = state
        self.sortAt = sortAt
        self.attempts = attempts
        self.labels = labels
        self.labelCount = labelCount ?? labels.count
        self.error = error
    }
}
