import Foundation
import GafferEngine
import GafferUI
import Logging

/// Runs a started worker in the foreground until a signal, the end of `duration`, or `idleTimeout`
/// seconds without work; then stops it gracefully within the shutdown timeout.
///
/// A second signal (or any signal once stopping has begun) stops at once: `forceStop` runs (it
/// stops an embedded server) and the process exits with status 1; jobs still running are re-run
/// later as interrupted, as GoodJob's are. So does a stop whose timeout passed with a body that
/// ignored cancellation.
struct ForegroundRun {
    enum Ending: Equatable {
        case signal(Int32)
        case duration
        case idle
        /// The screen was left: drain, or stop now (a zero timeout).
        case screen(QuitMode)
    }

    let worker: Worker
    var duration: Double?
    var idleTimeout: Double?
    var shutdownTimeout: Double
    /// Seconds between one-line progress reports on the logger; nil for none.
    var progressEvery: Double?
    let logger: Logger
    let forceStop: @Sendable () -> Void
    /// Called as the drain begins (systemd's STOPPING=1).
    var onStopping: @Sendable () -> Void = {}
    /// The signals that stop the run (`SignalWatcher.stopSignals`, read at launch).
    var signals: [Int32] = [SIGINT, SIGTERM]

    /// Returns how the run ended, after the worker has stopped.
    func run() async -> Ending {
        let (endings, continuation) = AsyncStream<Ending>.makeStream()
        let watcher = SignalWatcher(signals) { number in continuation.yield(.signal(number)) }
        var tasks: [Task<Void, Never>] = []
        if let duration {
            tasks.append(Task {
                try? await Task.sleep(for: .milliseconds(Int(duration * 1000)))
                if !Task.isCancelled { continuation.yield(.duration) }
            })
        }
        if let idleTimeout {
            tasks.append(Task { await Self.watchIdleness(worker, timeout: idleTimeout) { continuation.yield(.idle) } })
        }
        if let progressEvery {
            tasks.append(Task { await Self.reportProgress(worker, every: progressEvery, logger: logger) })
        }
        var iterator = endings.makeAsyncIterator()
        let ending = await iterator.next() ?? .duration
        tasks.forEach { $0.cancel() }
        await stop(after: ending)  // its own watcher turns the next signal into "stop now"
        watcher.cancel()
        return ending
    }

    /// Stops the worker within the shutdown timeout (none after the screen's "stop now"); any signal
    /// meanwhile stops at once.
    func stop(after ending: Ending) async {
        let timeout = ending == .screen(.stopNow) ? 0 : shutdownTimeout
        let forceStop = self.forceStop
        let app = GafferApp.current  // signal handlers run outside any task: carry the app's name in
        // A hangup while stopping (the shell passes its own on to its jobs) is not a second request: the drain goes on.
        let watcher = SignalWatcher(signals) { number in
            if number == SIGHUP { return }
            GafferApp.$current.withValue(app) {
                Terminal.note("\(SignalWatcher.name(number)) again: stopping now; running jobs will run again as interrupted")
            }
            forceStop()
            exit(CLIError.Code.runtime.rawValue)
        }
        let wait = timeout < 0 ? "for running jobs to finish" : "up to \(Self.seconds(timeout)) for running jobs"
        switch ending {
        case .signal(let number):
            Terminal.note("\(SignalWatcher.name(number)): stopping; waiting \(wait) (press Ctrl-C again to stop now)")
        case .duration:
            logger.info("ran for \(Self.seconds(duration ?? 0)); stopping")
        case .idle:
            logger.info("idle for \(Self.seconds(idleTimeout ?? 0)); stopping")
        case .screen(.stopNow):
            Terminal.note("stopping now; running jobs will run again as interrupted")
        case .screen:
            Terminal.note("stopping; waiting \(wait) (press Ctrl-C to stop now)")
        }
        onStopping()
        let outcome = await worker.stop(timeout: timeout)
        watcher.cancel()
        if case .abandoned(let jobs) = outcome {
            // Their threads are stuck in the bodies: only the process exit ends them.
            Terminal.note("\(jobs.count) job(s) did not stop within the shutdown timeout; exiting 1, they will run again as interrupted")
            forceStop()
            exit(CLIError.Code.runtime.rawValue)
        }
    }

    /// Calls `idle` once no job has run or finished for `timeout` seconds.
    static func watchIdleness(_ worker: Worker, timeout: Double, idle: () -> Void) async {
        let clock = ContinuousClock()
        var lastActivity = clock.now
        var lastTotal = -1
        while !Task.isCancelled {
            let snapshot = await worker.snapshot()
            let total = snapshot.pools.reduce(0) { $0 + $1.succeeded + $1.errored }
            let busy = snapshot.pools.contains { pool in pool.slots.contains { $0.job != nil } }
            if busy || total != lastTotal {
                lastActivity = clock.now
                lastTotal = total
            } else if clock.now - lastActivity >= .milliseconds(Int(timeout * 1000)) {
                idle()
                return
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    static func reportProgress(_ worker: Worker, every interval: Double, logger: Logger) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
            guard !Task.isCancelled else { return }
            let snapshot = await worker.snapshot()
            let succeeded = snapshot.pools.reduce(0) { $0 + $1.succeeded }
            let errored = snapshot.pools.reduce(0) { $0 + $1.errored }
            let running = snapshot.pools.reduce(0) { $0 + $1.slots.filter { $0.job != nil }.count }
            logger.info("progress: \(succeeded) attempt(s) succeeded, \(errored) failed, \(running) running")
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
