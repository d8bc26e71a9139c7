import Foundation
import GafferEngine
import Logging
import Synchronization

/// Keeps every line a worker logs, with when it came, so a test can count lines within a period.
public final class CollectingLogger: LogSink {
    public struct Line: Sendable {
        public let at: ContinuousClock.Instant
        public let record: LogRecord
        public var level: Logger.Level { record.level }
        public var message: String { record.message }
        public var metadata: Logger.Metadata { record.metadata }
    }

    private let lines = Mutex<[Line]>([])

    public init() {}

    /// A logger whose lines (debug and up) this collects.
    public var logger: Logger { Logger(label: "gaffer-test", sink: self, level: .debug) }

    public func write(_ record: LogRecord) {
        let line = Line(at: .now, record: record)
        lines.withLock { $0.append(line) }
    }

    /// The lines logged so far, oldest first.
    public var all: [Line] { lines.withLock { $0 } }

    /// The lines logged from `start` up to `end`.
    public func lines(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant = .now) -> [Line] {
        all.filter { $0.at >= start && $0.at <= end }
    }
}
