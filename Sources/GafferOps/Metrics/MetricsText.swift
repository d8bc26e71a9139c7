/// Edits of Prometheus' text exposition format (pure).
public enum MetricsText {
    /// Said of a family `help` does not know (an app's own swift-metrics metric).
    public static let unknownHelp = "Recorded through swift-metrics, which carries no help text."

    /// Adds a `# HELP` line before each `# TYPE` line of a family that has none: from `help`, else `unknownHelp`.
    ///
    /// swift-metrics carries no help text, and `promtool check metrics` fails a family without one;
    /// registering the engine's families with help ahead would trap when the factory later makes them
    /// without, so the help is added to the text instead.
    public static func addingHelp(to text: String, help: [String: String]) -> String {
        var out: [Substring] = []
        var helped: Set<Substring> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# HELP "), let name = line.dropFirst(7).split(separator: " ").first {
                helped.insert(name)
            } else if line.hasPrefix("# TYPE "), let name = line.dropFirst(7).split(separator: " ").first,
                      !helped.contains(name) {
                out.append("# HELP \(name) \(escapeHelp(help[String(name)] ?? unknownHelp))")
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// Help text escaped as the format requires (backslash and line feed).
    static func escapeHelp(_ text: String) -> Substring {
        Substring(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))
    }
}
