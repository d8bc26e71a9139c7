import Foundation
import GafferEngine
import GafferMonitorModel
import Synchronization

/// Log lines for a worker that may be under the screen: always to `file`, to stderr only while
/// no screen owns the terminal, and the last `capacity` into a ring the screen's log view reads.
///
/// Debug lines (one per finished job) go to the ring only: the file and stderr keep their pace.
public final class ScreenLogger: JobLogger {
    private let file: any JobLogger
    private let stderr = StandardErrorLogger()
    private let toStderr: Atomic<Bool>
    private let ring: Mutex<LogRing>
    private let clock: @Sendable () -> Date

    public init(file: any JobLogger, stderrNow: Bool, capacity: Int = 1000,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.file = file
        self.toStderr = Atomic(stderrNow)
        self.ring = Mutex(LogRing(capacity: capacity))
        self.clock = clock
    }

    /// Whether lines also go to stderr (off while the screen is drawn).
    public func setStandardError(_ on: Bool) {
        toStderr.store(on, ordering: .relaxed)
    }

    public func log(_ level: LogLevel, _ message: String) {
        let entry = LogEntry.parsing(level: Self.level(level), at: clock(), message: message)
        ring.withLock { $0.append(entry) }
        guard level != .debug else { return }
        file.log(level, message)
        if toStderr.load(ordering: .relaxed) { stderr.log(level, message) }
    }

    /// The lines kept, for the screen (a copy; cheap until the next line arrives).
    public func recent() -> LogRing {
        ring.withLock { $0 }
    }

    static func level(_ level: LogLevel) -> LogEntry.Level {
        switch level {
        case .debug: .debug
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }
}
