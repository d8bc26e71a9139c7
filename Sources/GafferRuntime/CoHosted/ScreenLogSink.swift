import Foundation
import GafferEngine
import GafferMonitorModel
import Logging
import Synchronization

/// Log lines of a worker that may be under the screen: always to `file`, to stderr only while no
/// screen owns the terminal, and the last `capacity` into a ring the screen's log view reads.
public final class ScreenLogSink: LogSink {
    private let file: (any LogSink)?
    private let stderr: any LogSink
    private let toStderr: Atomic<Bool>
    private let ring: Mutex<LogRing>

    public init(file: (any LogSink)?, stderr: any LogSink = StreamLogSink.standardError(), stderrNow: Bool,
                capacity: Int = 1000) {
        self.file = file
        self.stderr = stderr
        self.toStderr = Atomic(stderrNow)
        self.ring = Mutex(LogRing(capacity: capacity))
    }

    /// Whether lines also go to stderr (off while the screen is drawn).
    public func setStandardError(_ on: Bool) {
        toStderr.store(on, ordering: .relaxed)
    }

    public func write(_ record: LogRecord) {
        let entry = Self.entry(record)
        ring.withLock { $0.append(entry) }
        file?.write(record)
        if toStderr.load(ordering: .relaxed) { stderr.write(record) }
    }

    /// The lines kept, for the screen (a copy; cheap until the next line arrives).
    public func recent() -> LogRing {
        ring.withLock { $0 }
    }

    /// The log view's entry: the job from the line's metadata, else read from its message.
    static func entry(_ record: LogRecord) -> LogEntry {
        let level = level(record.level)
        if let id = record.jobID {
            return LogEntry(level: level, at: record.time, message: record.message, jobID: id, jobClass: record.jobClass)
        }
        return LogEntry.parsing(level: level, at: record.time, message: record.message)
    }

    static func level(_ level: Logger.Level) -> LogEntry.Level {
        switch level {
        case .trace, .debug: .debug
        case .info, .notice: .info
        case .warning: .warning
        case .error, .critical: .error
        }
    }
}
