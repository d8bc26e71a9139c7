import Foundation
import GafferEngine
import Synchronization

/// Keeps every line a worker logs, with when it came, so a test can count lines within a period.
public final class CollectingLogger: JobLogger {
    public struct Line: Sendable {
        public let at: ContinuousClock.Instant
        public let level: LogLevel
        public let message: String
    }

    private let lines = Mutex<[Line]>([])

    public init() {}

    public func log(_ level: LogLevel, _ message: String) {
        let line = Line(at: .now, level: level, message: message)
        lines.withLock { $0.append(line) }
    }

    /// The lines logged so far, oldest first.
    public var all: [Line] { lines.withLock { $0 } }

    /// The lines logged from `start` up to `end`.
    public func lines(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant = .now) -> [Line] {
        all.filter { $0.at >= start && $0.at <= end }
    }
}
