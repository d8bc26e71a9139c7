/// One `error_backtrace` line in Ruby's shape, `path:line:in 'function'`, and whether it is the
/// application's: Rails' backtrace cleaner is the model (not the framework's, a gem's or the runtime's).
///
/// The rule reads only the text, so it applies to Ruby's rows and Gaffer's alike and can run in SQL
/// (`applicationPattern`, `frameworkPattern`).
public enum BacktraceFrame {
    /// `path:line:in 'function'`, or `image:in 'function'` for a frame without a source location.
    public static func line(path: String, line: Int?, function: String) -> String {
        "\(path)\(line.map { ":\($0)" } ?? ""):in '\(function)'"
    }

    /// Paths of frames that are not the application's: Gaffer's own engine, the Swift toolchain's
    /// sources, compiler-generated code, Ruby's gems and standard library.
    public static let frameworkPaths = [
        "/Sources/GafferEngine/", "/Sources/GafferStore/", "/Sources/GafferCore/", "/Sources/GafferConcurrency/",
        "/Sources/GafferRuntime/", "/Sources/Postgres/", "/Sources/GafferCLI/", "<compiler-generated>",
        "/swift/stdlib/", "/swift-corelibs-", "/swift-foundation/", "/gems/", "/lib/ruby/", "<internal:",
    ]

    /// A frame with a source location: `path:line:in …` (Ruby quotes with ' since 3.4, ` before).
    public static let applicationPattern = #"^[^:]+:[0-9]+:in ['`]"#

    /// `frameworkPaths` as one POSIX regular expression (the same rule in SQL).
    public static var frameworkPattern: String {
        frameworkPaths.map { $0.map { "[]\\.^$*+?(){}|[".contains($0) ? "\\\($0)" : String($0) }.joined() }.joined(separator: "|")
    }

    /// Whether `line` is one of the application's frames.
    public static func isApplication(_ line: String) -> Bool {
        guard hasSourceLocation(line) else { return false }
        return !frameworkPaths.contains { line.contains($0) }
    }

    /// `applicationPattern` without a regular expression: `path:digits:in '` or `:in \``, path without `:`.
    static func hasSourceLocation(_ line: String) -> Bool {
        guard let marker = line.firstRange(of: ":in '") ?? line.firstRange(of: ":in `") else { return false }
        let location = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        return location.count == 2 && !location[0].isEmpty && !location[1].isEmpty && location[1].allSatisfy { $0.isASCII }
            && location[1].allSatisfy { $0.isNumber }
    }

    /// The first of the application's frames in `lines`.
    public static func firstApplication(_ lines: [String]) -> String? {
        lines.first(where: isApplication)
    }
}
