/// Where a `GafferLogHandler` delivers its lines: a stream, a file, the screen's log view, a test's list.
public protocol LogSink: Sendable {
    func write(_ record: LogRecord)
}
