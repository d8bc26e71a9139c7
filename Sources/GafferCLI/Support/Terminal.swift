import Foundation

/// Plain-text output of the commands (not the full-screen monitor).
///
/// Everything written passes through `Redaction`, so no password reaches the terminal, whatever
/// text an error carried.
enum Terminal {
    /// One line on stderr: `gaffer: <line>` (the first line only, if the text has several).
    static func error(_ text: String) {
        let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        writeError("\(GafferApp.current.name): \(first)")
    }

    static func note(_ line: String) {
        writeError("\(GafferApp.current.name): \(line)")
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((Redaction.scrub(text) + "\n").utf8))
    }

    private static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((Redaction.scrub(text) + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
