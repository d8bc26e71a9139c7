import Dispatch
import Glibc
import Synchronization

/// SIGINT, SIGTERM and SIGHUP as a flag the UI loop checks, so it can leave curses cleanly.
///
/// The signals are ignored at the process level *before* curses starts (so ncurses installs no
/// handler of its own that would exit at once) and observed through dispatch sources. Only a signal
/// still at its default action is set to SIG_IGN: libdispatch installs its handler once, the first
/// time any source watches a signal, so ignoring it after another watcher exists would drop it.
public final class TerminalSignals: Sendable {
    public static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let flag = SignalFlag()
    private let sources: Mutex<[any DispatchSourceSignal]>

    public init() {
        var made: [any DispatchSourceSignal] = []
        for number in Self.handled {
            if Self.hasDefaultAction(number) { Glibc.signal(number, SIG_IGN) }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            // `@Sendable`: a closure inheriting the caller's actor isolation traps when the signal arrives.
            source.setEventHandler { @Sendable [flag] in flag.set(number) }
            source.resume()
            made.append(source)
        }
        sources = Mutex(made)
    }

    /// Whether `number` still has its default action (no handler, not ignored).
    public static func hasDefaultAction(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        return current.__sigaction_handler.sa_handler == nil
    }

    /// The first signal received, or nil.
    public var receivedSignal: Int32? { flag.value }

    deinit {
        sources.withLock { $0.forEach { $0.cancel() } }
    }
}

/// The first signal number seen (0 = none).
final class SignalFlag: Sendable {
    private let received = Atomic<Int32>(0)

    func set(_ number: Int32) {
        _ = received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
    }

    var value: Int32? {
        let v = received.load(ordering: .relaxed)
        return v == 0 ? nil : v
    }
}
