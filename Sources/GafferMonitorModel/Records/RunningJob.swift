#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A job that has started and not finished (`performed_at` set, `finished_at` NULL), as list rows
/// show it: no arguments, no error text.
public struct RunningJob: Sendable, Hashable {
    public var id: UUID
    public var jobClass: String
    public var queue: String
    public var priority: Int?
    public var performedAt: Date
    /// Attempts started so far (`executions_count`), so the current attempt's number.
    public var attempt: Int
    /// The `good_job_processes` row that claimed it, when recorded.
    public var processID: UUID?

    public init(id: UUID, jobClass: String, queue: String, priority: Int? = nil, performedAt: Date,
                attempt: Int, processID: UUID?) {
        self.id = id
        self.jobClass = jobClass
        self.queue = queue
        self.priority = priority
        self.performedAt = performedAt
        self.attempt = attempt
        self.processID = processID
    }
}
