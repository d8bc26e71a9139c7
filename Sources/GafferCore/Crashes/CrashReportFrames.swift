/// The crashing thread's frames from a Swift backtracer report (`SWIFT_BACKTRACE=format=json`), as
/// `error_backtrace` lines in Ruby's shape.
///
/// The report lists threads with `crashed`, and each frame's demangled `description`
/// (`name + offset`), `image` and, when symbolicated in full, `sourceLocation` (`file`, `line`).
public enum CrashReportFrames {
    /// Frames kept from a report.
    public static let limit = 64

    /// The crashed thread's frames; empty if the text is not such a report.
    public static func lines(reportJSON text: String) -> [String] {
        guard let report = try? JSONValue.parse(text), let threads = report["threads"]?.arrayValue,
              let crashed = threads.first(where: { $0["crashed"]?.boolValue == true }),
              let frames = crashed["frames"]?.arrayValue
        else { return [] }
        return frames.prefix(limit).compactMap(line)
    }

    static func line(_ frame: JSONValue) -> String? {
        guard let description = frame["description"]?.stringValue else { return nil }
        var function = description
        // "name + 262": the offset says nothing once the line is known.
        if let plus = function.range(of: " + ", options: .backwards),
           function[plus.upperBound...].allSatisfy(\.isNumber) {
            function = String(function[..<plus.lowerBound])
        }
        if let location = frame["sourceLocation"], let file = location["file"]?.stringValue,
           let line = location["line"]?.intValue, line > 0 {
            return BacktraceFrame.line(path: file, line: line, function: function)
        }
        return BacktraceFrame.line(path: frame["image"]?.stringValue ?? "?", line: nil, function: function)
    }
}
