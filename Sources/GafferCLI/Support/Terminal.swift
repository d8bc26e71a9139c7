import Foundation
import GafferEngine
import Logging
import Synchronization

/// Plain-text output of the commands (not the full-screen monitor).
///
/// Everything written passes through `Redaction`, so no password reaches the terminal, whatever
/// text an error carried.
enum Terminal {
    /// One line on stderr: `gaffer: <line>` (the first line only, if the text has several).
    static func error(_ text: String) {
        let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        writeError(first, level: .error)
    }

    static func note(_ line: String) {
        writeError(line, level: line.hasPrefix("WARNING") ? .warning : .info)
    }

    /// How notes and errors are written on stderr: `json` makes them log records, so a worker's stderr is all JSON lines.
    static var format: LogFormat {
        get { jsonLines.withLock { $0 } ? .json : .text }
        set { jsonLines.withLock { $0 = newValue == .json } }
    }

    private static let jsonLines = Mutex(false)

    static func line(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((Redaction.scrub(text) + "\n").utf8))
    }

    /// `gaffer: text` on stderr, or in JSON the text alone as a log record's message.
    private static func writeError(_ text: String, level: Logger.Level) {
        let scrubbed = Redaction.scrub(text)
        let line = format == .json
            ? format.line(LogRecord(time: Date(), level: level, message: scrubbed))
            : "\(GafferApp.current.name): \(scrubbed)\n"
        // Not `write(_:)`, which traps when the write fails: after a hangup the terminal answers EIO.
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
