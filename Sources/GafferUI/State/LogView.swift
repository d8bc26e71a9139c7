import GafferMonitorModel

/// The log view (`L`): the co-hosted worker's last lines, newest at the bottom.
public struct LogView: Sendable, Hashable {
    /// Lines below this level are hidden (`v` cycles it).
    public var minimum: LogEntry.Level
    /// Lines scrolled up from the newest; 0 follows new lines as they come.
    public var fromBottom: Int

    public init(minimum: LogEntry.Level = .debug, fromBottom: Int = 0) {
        self.minimum = minimum
        self.fromBottom = fromBottom
    }

    /// The next minimum level: debug, info, warn, error, then debug again.
    var nextMinimum: LogEntry.Level {
        LogEntry.Level(rawValue: (minimum.rawValue + 1) % LogEntry.Level.allCases.count) ?? .debug
    }
}
