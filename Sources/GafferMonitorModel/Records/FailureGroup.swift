#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Failed jobs of the last 24 hours sharing an error class and a job class (GoodJob's Cleaner view).
public struct FailureGroup: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Finished with an error.
        case discarded
        /// Failed and waiting for another attempt.
        case retrying
    }

    public var kind: Kind
    /// The error text before the first `": "` (`split_part(error, ': ', 1)`).
    public var errorClass: String
    public var jobClass: String
    public var lastHour: Int
    public var lastDay: Int
    public var latestAt: Date
    /// The newest job of the group, for the detail view.
    public var latestJobID: UUID

    public init(kind: Kind, errorClass: String, jobClass: String, lastHour: Int, lastDay: Int, latestAt: Date,
                latestJobID: UUID) {
        self.kind = kind
        self.errorClass = errorClass
        self.jobClass = jobClass
        self.lastHour = lastHour
        self.lastDay = lastDay
        self.latestAt = latestAt
        self.latestJobID = latestJobID
    }
}
