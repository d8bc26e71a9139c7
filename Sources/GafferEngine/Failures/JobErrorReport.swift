import Foundation
import GafferCore

/// One failed job attempt, as the worker hands it to an error reporter (`WorkerConfiguration.onJobError`).
public struct JobErrorReport: Sendable {
    /// What happens to the job next.
    public enum Verdict: Sendable, Equatable {
        /// Re-enqueued: runs again at `retryAt` (nil: at once, `retry_on_unhandled_error`).
        case retry
        /// Finished with its error: discarded, unhandled, or out of retries (`event` says which).
        case discard
        /// Its database session died under it: released as it stands, to run again as interrupted.
        case interrupted
    }

    public let jobID: UUID
    public let jobClass: String
    public let queueName: String
    /// The attempt's number (`executions_count`, from 1).
    public let attempt: Int
    /// The error the job body threw (for a malformed row, a `MalformedJobError`).
    public let error: any Error
    public let verdict: Verdict
    /// GoodJob's `error_event` written with the attempt; nil for an interrupted one.
    public let event: ErrorEvent?
    /// When a retry runs, if scheduled.
    public let retryAt: Date?
    /// Where it was thrown, `error_backtrace`'s lines (empty when not known).
    public let backtrace: [String]
}

/// Receives every failed job attempt; see `WorkerConfiguration.onJobError`.
public typealias JobErrorReporter = @Sendable (JobErrorReport) async throws -> Void
