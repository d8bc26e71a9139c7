import Foundation

/// A worker process's settings, named and defaulted as GoodJob's (contract §10).
public struct WorkerConfiguration: Sendable {
    /// Queue selection, e.g. `"*"` or `"critical:2;default,mailers:3;-critical,default"`.
    public var queues: String = "*"
    /// Threads per pool that does not name its own.
    public var maxThreads: Int = 5
    /// Seconds between polls; the poll backs up LISTEN/NOTIFY. ≤ 0 disables polling.
    public var pollInterval: Double = 10
    /// Seconds running jobs get to finish on shutdown before they are cancelled and, if a body does not
    /// return, abandoned (the process must then exit; they run again as interrupted); < 0 waits forever.
    public var shutdownTimeout: Double = Self.defaultShutdownTimeout
    public var enablePauses: Bool = true
    public var enableListenNotify: Bool = true
    public var retryOnUnhandledError: Bool = false
    /// Seconds between reaper runs (dead processes, their jobs released).
    public var reapInterval: Double = 5
    /// Seconds without reaping after this worker's own outage, so others (backoff cap 5 s) reconnect first.
    public var reapGraceAfterOutage: Double = 10
    /// Seconds between process-row heartbeats (GoodJob: 30, stale after 5 minutes).
    public var heartbeatInterval: Double = 30
    /// Seconds after its claim before a job this process holds but runs nowhere (its claim's answer was
    /// lost with the session) is released to run again; checked every `reapInterval` (`LostClaimSQL`).
    public var lostClaimAge: Double = 30
    public var enableCron: Bool = false
    /// Called once for every failed attempt (retry, discard, interrupted), every crash recorded at start and
    /// every error outside a job the worker logs (connections, notifier, maintenance), with the job, the error,
    /// what happens next and the backtrace, as GoodJob's `on_thread_error` feeds an error tracker.
    ///
    /// Runs off the job threads, one report at a time: a slow reporter delays only later reports (beyond
    /// 1,000 waiting, new ones are dropped and counted), and one that throws is logged and skipped.
    public var onError: ErrorReporter?
    /// Where a crashing process records which job's thread crashed (and where the Swift backtracer
    /// should write its reports, `CrashCapture.backtraceSetting`); nil: crashes are not recorded, and
    /// the jobs they interrupt are re-run as GoodJob's interrupted, without limit.
    public var crashDirectory: String?
    /// Attempts of one job that may crash the worker before it is discarded (`Job.maxCrashes` overrides).
    public var maxCrashes: Int = Self.defaultMaxCrashes

    public static let defaultMaxCrashes = 3

    /// 25 s: GoodJob waits for ever by default (-1), which leaves a stuck body holding the process
    /// until kill -9; 25 s fits within the 30 s most supervisors allow before SIGKILL.
    public static let defaultShutdownTimeout = 25.0

    public init() {}
}
