#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How one attempt ended, as the rows must record it (contract §2.9, §3.7): the engine decides it, the store writes it.
public struct AttemptResult: Sendable {
    public enum Outcome: Sendable {
        /// The job is finished: succeeded when `error` is nil, otherwise discarded/unhandled/retry-stopped.
        case finished
        /// The same row is re-enqueued: new serialization, and a new `scheduled_at` unless nil
        /// (`retry_on_unhandled_error` keeps it).
        case retry(serializedParams: String, scheduledAt: Date?)
        /// The attempt could not finish (its database session died under it): the row is released as
        /// it stands, started and unfinished, so the next claim records it interrupted (§3.6) and re-runs it.
        case interrupted
    }

    public let jobID: UUID
    public let executionID: UUID
    public let outcome: Outcome
    /// `"Class: message"`, nil on success.
    public let error: String?
    public let errorEvent: ErrorEvent?
    public let backtrace: [String]
    /// Monotonic run time of the attempt, in seconds.
    public let duration: Double

    public init(jobID: UUID, executionID: UUID, outcome: Outcome, error: String?, errorEvent: ErrorEvent?,
                backtrace: [String], duration: Double) {
        self.jobID = jobID
        self.executionID = executionID
        self.outcome = outcome
        self.error = error
        self.errorEvent = errorEvent
        self.backtrace = backtrace
        self.duration = duration
    }

    /// The same end with other backtrace lines (the throw site's, once symbolicated).
    public func with(backtrace lines: [String]) -> AttemptResult {
        AttemptResult(jobID: jobID, executionID: executionID, outcome: outcome, error: error, errorEvent: errorEvent,
                      backtrace: lines, duration: duration)
    }
}
