import Foundation
import Logging
import Synchronization

/// Writes lines in a `LogFormat` to standard error or an appended file, one whole line per write.
public final class StreamLogSink: LogSink {
    private let handle: FileHandle?
    private let format: LogFormat
    private let minimum: Logger.Level
    private let lock = Mutex(())

    /// Lines at `minimum` or above to standard error.
    public static func standardError(format: LogFormat = .text, minimum: Logger.Level = .info) -> StreamLogSink {
        StreamLogSink(handle: FileHandle.standardError, format: format, minimum: minimum)
    }

    /// Appends to `path`, creating it; a file that cannot be opened takes no lines.
    public convenience init(path: String, format: LogFormat = .text, minimum: Logger.Level = .info) {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = FileHandle(forWritingAtPath: path)
        handle?.seekToEndOfFile()
        self.init(handle: handle, format: format, minimum: minimum)
    }

    init(handle: FileHandle?, format: LogFormat, minimum: Logger.Level) {
        self.handle = handle
        self.format = format
        self.minimum = minimum
    }

    public func write(_ record: LogRecord) {
        guard let handle, record.level >= minimum else { return }
        let data = Data(format.line(record).utf8)
        // `write(_:)` traps on a failed write; a terminal that hung up (EIO) or a closed pipe must not end the worker.
        lock.withLock { _ in try? handle.write(contentsOf: data) }
    }
}
