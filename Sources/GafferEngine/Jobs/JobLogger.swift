import Foundation

/// Where jobs and the worker write log lines; the screen shows them in its log pane, a file keeps them.
public protocol JobLogger: Sendable {
    func log(_ level: LogLevel, _ message: String)
}

public enum LogLevel: String, Sendable, Comparable {
    case debug, info, warning, error

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        let order: [LogLevel] = [.debug, .info, .warning, .error]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

extension JobLogger {
    public func info(_ message: String) { log(.info, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func error(_ message: String) { log(.error, message) }
}

/// Discards everything (tests, benchmarks).
public struct SilentLogger: JobLogger {
    public init() {}
    public func log(_ level: LogLevel, _ message: String) {}
}

/// Keeps the last lines in memory, for the screen's log pane, and forwards them on.
public final class RingLogger: JobLogger, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private let capacity: Int
    private let next: (any JobLogger)?

    public init(capacity: Int = 500, forwardingTo next: (any JobLogger)? = nil) {
        self.capacity = capacity
        self.next = next
    }

    public func log(_ level: LogLevel, _ message: String) {
        let line = "\(level.rawValue.uppercased()) \(message)"
        lock.lock()
        lines.append(line)
        if lines.count > capacity { lines.removeFirst(lines.count - capacity) }
        lock.unlock()
        next?.log(level, message)
    }

    public var recent: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// Appends timestamped lines to a file (the worker's log while the screen owns the terminal).
public final class FileLogger: JobLogger, @unchecked Sendable {
    private let handle: FileHandle?
    private let lock = NSLock()

    public init(path: String) {
        FileManager.default.createFile(atPath: path, contents: nil)
        handle = FileHandle(forWritingAtPath: path)
        handle?.seekToEndOfFile()
    }

    public func log(_ level: LogLevel, _ message: String) {
        let line = LogLine.format(level, message)
        lock.lock()
        handle?.write(Data(line.utf8))
        lock.unlock()
    }
}

/// Writes lines to standard error (headless `gaffer start --no-tui`).
public struct StandardErrorLogger: JobLogger {
    public let minimum: LogLevel
    public init(minimum: LogLevel = .info) { self.minimum = minimum }
    public func log(_ level: LogLevel, _ message: String) {
        guard level >= minimum else { return }
        FileHandle.standardError.write(Data(LogLine.format(level, message).utf8))
    }
}

enum PostgresTimestampText {
    static func now() -> String {
        let text = JobTimestampFormat.iso(Date())
        return text
    }
}

enum JobTimestampFormat {
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
