import Foundation
import GafferCore

/// One error the worker hands to the app's error reporter (`WorkerConfiguration.onError`): a failed
/// attempt, a crash found at start, or an error outside any job that the worker logged and carried on from.
public struct ErrorReport: Sendable {
    /// Where the error happened.
    public enum Kind: String, Sendable, Equatable {
        /// A job's attempt failed (its body threw, its row could not be run, or its session died).
        case attempt
        /// A worker process crashed; found and recorded by the next worker that starts with the same crash directory.
        case crash
        /// Outside any job: a connection, the notifier, maintenance (heartbeat, reaper, cron, clean-up), batch bookkeeping.
        case worker
    }

    /// What happens next.
    public enum Verdict: String, Sendable, Equatable {
        /// The job is re-enqueued: runs again at `retryAt` (nil: at once, `retry_on_unhandled_error`).
        case retry
        /// The job is finished with its error: discarded, unhandled, out of retries (`event` says which), or crashed too often.
        case discard
        /// The job is released as it stands, to run again as interrupted (its session or its process died).
        case interrupted
        /// No job is involved: the worker logged it and carries on (reconnecting with backoff where it was a connection).
        case carryOn = "carry_on"
    }

    public let kind: Kind
    /// The job, for an attempt and for a crash on a job's thread; nil otherwise.
    public let jobID: UUID?
    public let jobClass: String?
    public let queueName: String?
    /// The attempt's number (`executions_count`, from 1); nil when not known (a crash record does not say).
    public let attempt: Int?
    /// The error: the job body's, a `MalformedJobError`, a `WorkerCrash`, or the worker's own (a `PostgresError`…).
    public let error: any Error
    public let verdict: Verdict
    /// GoodJob's `error_event` written with the attempt; nil for an interrupted one and outside jobs.
    public let event: ErrorEvent?
    /// When a retry runs, if scheduled.
    public let retryAt: Date?
    /// Where it was thrown or crashed, `error_backtrace`'s lines (empty when not known).
    public let backtrace: [String]
    /// The part of the worker it came from, for `.worker` (`maintenance`, `notifier`, `pool 0`…) and `.crash` (the thread).
    public let component: String?

    public init(kind: Kind, jobID: UUID? = nil, jobClass: String? = nil, queueName: String? = nil, attempt: Int? = nil,
                error: any Error, verdict: Verdict, event: ErrorEvent? = nil, retryAt: Date? = nil, backtrace: [String] = [],
                component: String? = nil) {
        self.kind = kind
        self.jobID = jobID
        self.jobClass = jobClass
        self.queueName = queueName
        self.attempt = attempt
        self.error = error
        self.verdict = verdict
        self.event = event
        self.retryAt = retryAt
        self.backtrace = backtrace
        self.component = component
    }
}

/// Receives every failed attempt, crash and error outside a job; see `WorkerConfiguration.onError`.
public typealias ErrorReporter = @Sendable (ErrorReport) async throws -> Void
