import CoreMetrics
import GafferCore

/// The engine's metrics, through swift-metrics: whatever backend the process bootstrapped records
/// them (the probe port's Prometheus registry with `--probe-port`), none when nothing was bootstrapped.
///
/// Counters and meters are per process: several workers in one process add up. Each call looks its
/// metric up in the backend (one lock and a dictionary lookup in Prometheus'), a few per attempt.
public enum EngineMetrics {
    /// Every metric name the engine records, with its help text (the exposition's `# HELP`).
    public static let help: [String: String] = [
        jobsStarted: "Job attempts started, by job class and queue.",
        jobsSucceeded: "Job attempts that succeeded, by job class and queue.",
        jobsRetried: "Failed job attempts re-enqueued for a retry, by job class and queue.",
        jobsDiscarded: "Failed job attempts that finished the job with its error (discarded, unhandled or out of retries).",
        jobsInterrupted: "Job attempts cut short by a lost database session, released to run again.",
        attemptDuration: "Job attempt run time in seconds, by job class and queue.",
        threadsBusy: "Execution slots running a job body.",
        threadsMax: "Execution slots (threads) of running pools: the sum of their --max-threads.",
        claimRoundTrips: "Round trips of the pools' claim loop (attempt ends and claims, pipelined).",
        reconnects: "Database sessions re-opened after a loss, by connection (pool, control, notifier).",
        notifierConnected: "LISTEN sessions connected (1 per worker while its notifier listens).",
        errorReportsDropped: "Error reports dropped because the error reporter fell behind.",
    ]

    public static let jobsStarted = "gaffer_jobs_started_total"
    public static let jobsSucceeded = "gaffer_jobs_succeeded_total"
    public static let jobsRetried = "gaffer_jobs_retried_total"
    public static let jobsDiscarded = "gaffer_jobs_discarded_total"
    public static let jobsInterrupted = "gaffer_jobs_interrupted_total"
    public static let attemptDuration = "gaffer_job_attempt_duration_seconds"
    public static let threadsBusy = "gaffer_threads_busy"
    public static let threadsMax = "gaffer_threads_max"
    public static let claimRoundTrips = "gaffer_claim_round_trips_total"
    public static let reconnects = "gaffer_database_reconnects_total"
    public static let notifierConnected = "gaffer_notifier_connected"
    public static let errorReportsDropped = "gaffer_error_reports_dropped_total"

    static func attemptStarted(jobClass: String, queue: String) {
        CoreMetrics.Counter(label: jobsStarted, dimensions: job(jobClass, queue)).increment()
        Meter(label: threadsBusy).increment()
    }

    /// An attempt ended; `result` nil when shutdown cancelled it (it runs again, and counts no outcome).
    static func attemptEnded(jobClass: String, queue: String, _ result: AttemptResult?) {
        Meter(label: threadsBusy).decrement()
        guard let result else { return }
        let labels = job(jobClass, queue)
        let name = switch result.outcome {
        case .interrupted: jobsInterrupted
        case .retry: jobsRetried
        case .finished: result.error == nil ? jobsSucceeded : jobsDiscarded
        }
        CoreMetrics.Counter(label: name, dimensions: labels).increment()
        CoreMetrics.Timer(label: attemptDuration, dimensions: labels)
            .recordNanoseconds(Int64((result.duration * 1e9).rounded()))
    }

    static func poolsStarted(threads: Int) { Meter(label: threadsMax).increment(by: Double(threads)) }
    static func poolStopped(threads: Int) { Meter(label: threadsMax).decrement(by: Double(threads)) }
    /// A running pool's slots not retiring changed by `threads` (negative when it shrank).
    static func poolResized(threads: Int) {
        if threads >= 0 { poolsStarted(threads: threads) } else { poolStopped(threads: -threads) }
    }
    static func claimRoundTrip() { CoreMetrics.Counter(label: claimRoundTrips).increment() }
    static func reconnected(_ connection: String) { CoreMetrics.Counter(label: reconnects, dimensions: [("connection", connection)]).increment() }
    static func notifier(connected: Bool) {
        if connected { Meter(label: notifierConnected).increment() } else { Meter(label: notifierConnected).decrement() }
    }
    static func errorReportDropped() { CoreMetrics.Counter(label: errorReportsDropped).increment() }

    private static func job(_ jobClass: String, _ queue: String) -> [(String, String)] {
        [("job_class", jobClass), ("queue", queue)]
    }
}
