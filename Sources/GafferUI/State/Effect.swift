#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferMonitorModel

/// Something `update` asks the application to do outside the pure UI: database actions, loads, I/O.
public enum Effect: Sendable, Hashable {
    /// A job action on some jobs.
    case perform(JobAction, JobTarget)
    case setPaused(PauseKind, String, paused: Bool)
    case setLocalPaused(Bool)
    /// Add threads to the co-hosted worker's pool (remove them when negative).
    case changeLocalThreads(pool: Int, by: Int)
    /// Read one job's detail; hand the result back with `UIState.receive(detail:)`.
    case loadDetail(UUID)
    /// Read a page of a job list; hand it back with `UIState.receive(jobs:)`.
    case loadJobs(JobListScope, after: JobListCursor?)
    /// Read the page before a row of a job list, or its last page when nil (`G`); hand it back with
    /// `UIState.receive(jobs:scope:before:)`.
    case loadJobsBefore(JobListScope, before: JobListCursor?)
    /// Count every job of a list's scope; hand it back with `UIState.receive(count:scope:)`.
    case countJobs(JobListScope)
    /// Count finished jobs per bucket of a span; hand it back with `UIState.receive(history:)`.
    case loadHistory(JobHistory.Span)
    /// Look up the jobs whose id starts with the prefix; hand them back with `UIState.receive(found:for:)`.
    case findJob(JobIDPrefix)
    /// Enable or disable a cron key for every cron process (`good_job_settings`).
    case setCronEnabled(String, enabled: Bool)
    /// Enqueue the app's cron entry now, `cron_at` = now.
    case enqueueCron(String)
    /// Stop the running bulk action after its current chunk.
    case cancelBulk
    /// Put text on the user's clipboard through the terminal (OSC 52, works over ssh).
    case copy(String)
    case changeInterval(slower: Bool)
    case refreshNow
    /// Switch the queue counts between exact and estimated above the cap.
    case toggleExactCounts
    /// Repaint the whole terminal (after `^L`).
    case redraw
    /// Ring the terminal bell: an alert newly reached a level (`--bell`).
    case bell
    case quit(QuitMode)
}

/// Which jobs an action applies to.
public enum JobTarget: Sendable, Hashable {
    case ids([UUID])
    /// Every job in a scope (at most `MonitorActions.scopeLimit`), read when the action runs.
    case scope(JobListScope)
    /// Every job in a scope, however many, in chunks with progress (`UIState.receive(progress:)`); cancellable.
    case every(JobListScope)
}

/// How to leave the screen.
public enum QuitMode: Sendable, Hashable {
    /// No local worker: just exit.
    case exit
    /// Close the screen; the worker keeps running in the foreground, logging.
    case detach
    /// Stop claiming, wait for running jobs, then exit.
    case drain
    /// Stop at once, cancelling running jobs.
    case stopNow
}
