#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Failed jobs of the last 24 hours sharing an error class, a job class and the first application frame
/// of their newest attempt's backtrace (GoodJob's Cleaner view, split by where the error came from).
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
    /// `path:line:in 'function'` of the first application frame; nil when the backtrace has none.
    public var firstFrame: String?
    /// For counts scaled up from a sample of the unfinished rows (retrying groups above
    /// `MonitorLimits.exactCountCap` unfinished jobs): the group's jobs the sample held, whose square root
    /// bounds the estimate's relative error (about 1/√n); nil for exact counts.
    public var sampled: Int?
    /// The counts are estimates (`sampled`), shown as `≈`.
    public var isEstimate: Bool { sampled != nil }

    public init(kind: Kind, errorClass: String, jobClass: String, lastHour: Int, lastDay: Int, latestAt: Date,
                latestJobID: UUID, firstFrame: String? = nil, sampled: Int? = nil) {
        self.firstFrame = firstFrame
        self.sampled = sampled
        self.kind = kind
        self.errorClass = errorClass
        self.jobClass = jobClass
        self.lastHour = lastHour
        self.lastDay = lastDay
        self.latestAt = latestAt
        self.latestJobID = latestJobID
    }
}
