import Foundation
import Synchronization

/// The built-in error reporter: appends every report to a file as one JSON object per line
/// (`start --error-log PATH`; an app may set `WorkerConfiguration.onError = ErrorLogFile(path:).reporter`).
public final class ErrorLogFile: Sendable {
    public let path: String
    private let handle: Mutex<FileHandle>
    private let clock: @Sendable () -> Date

    /// Opens `path` for appending, creating it (mode 0644); throws `CannotOpen` with the system's reason if it cannot.
    public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CannotOpen(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        self.handle = Mutex(FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
        self.clock = clock
    }

    /// The file could not be opened for appending.
    public struct CannotOpen: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot open \"\(path)\" for appending: \(reason)" }
    }

    /// Writes `report` as one line.
    public func write(_ report: ErrorReport) {
        let data = Data((ErrorReportJSON.object(report, at: clock()).serialized() + "\n").utf8)
        // Not `write(_:)`, which traps on a failed write (a full disk): a lost report must not end the worker.
        handle.withLock { try? $0.write(contentsOf: data) }
    }

    /// This file as an error reporter.
    public var reporter: ErrorReporter {
        { [self] report in write(report) }
    }
}
