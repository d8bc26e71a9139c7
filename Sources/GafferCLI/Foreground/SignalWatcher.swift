import CursesBackend
import Dispatch
import Foundation

/// Delivers SIGINT and SIGTERM (and SIGHUP, see `stopSignals`) to a handler instead of killing the process.
///
/// libdispatch receives a signal through its own `sigaction` handler, installed the first time any
/// source watches that signal, never again. So a signal is set to SIG_IGN (to bridge the moment
/// before the source is registered) only while it still has its default action: ignoring it
/// after libdispatch's handler is in place (e.g. after the screen watched it) would drop it.
///
/// `@unchecked Sendable`: the dispatch sources are created in `init` and only cancelled afterwards;
/// Dispatch itself serializes their handlers.
final class SignalWatcher: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    /// The signals that stop a foreground worker: SIGINT, SIGTERM, and SIGHUP (the terminal or the ssh
    /// session went away) unless the process started with it handled elsewhere or ignored (`nohup`, which
    /// must keep it running).
    /// Read before the screen starts: the screen sets SIGHUP to ignored while it watches it itself.
    static func stopSignals() -> [Int32] {
        TerminalSignals.hasDefaultAction(SIGHUP) ? [SIGINT, SIGTERM, SIGHUP] : [SIGINT, SIGTERM]
    }

    init(_ signals: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable (Int32) -> Void) {
        sources = signals.map { number in
            if TerminalSignals.hasDefaultAction(number) { signal(number, SIG_IGN) }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            // `@Sendable`: a closure inheriting the caller's actor isolation would trap when the signal arrives.
            source.setEventHandler { @Sendable in handler(number) }
            source.resume()
            return source
        }
    }

    /// Stops watching. The signals stay ignored at the process level, so another watcher set up
    /// meanwhile keeps receiving them and none kills the process mid-shutdown.
    func cancel() {
        sources.forEach { $0.cancel() }
    }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
