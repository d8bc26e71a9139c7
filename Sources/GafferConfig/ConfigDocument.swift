/// A config file read as the part of TOML Gaffer's settings need, every value with its line.
///
/// Tables (`[alerts]`), bare or quoted keys, basic and literal strings, integers, floats, booleans
/// and one-line arrays of them, `#` comments. Not TOML's dotted keys, inline tables, multi-line
/// strings or arrays, dates, or arrays of tables: a line using them is an error naming the line,
/// never a silent misreading.
public struct ConfigDocument: Sendable, Hashable {
    public var entries: [ConfigEntry]
    /// Each `[table]` header's name and line, in file order (a table may have no entries).
    public var tables: [ConfigEntry.Table]

    public init(entries: [ConfigEntry], tables: [ConfigEntry.Table] = []) {
        self.entries = entries
        self.tables = tables
    }

    /// Reads `text`; throws at the first line that is not key = value, a table, a comment or blank.
    public static func parse(_ text: String) throws(ConfigSyntaxError) -> ConfigDocument {
        var entries: [ConfigEntry] = []
        var table = ""
        var seen: [String: Int] = [:]
        var tables: [ConfigEntry.Table] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            var scanner = ConfigScanner(Array(raw.hasSuffix("\r") ? raw.dropLast() : raw), line: line)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                scanner.skipSpaces()
                if scanner.peek == "[" { throw ConfigSyntaxError(line: line, "arrays of tables ([[…]]) are not used by gaffer's config") }
                let name = try scanner.key()
                scanner.skipSpaces()
                guard scanner.peek == "]" else { throw ConfigSyntaxError(line: line, "a table header is [name], e.g. [alerts]") }
                scanner.advance()
                try scanner.expectEnd()
                if let first = tables.first(where: { $0.name == name }) {
                    throw ConfigSyntaxError(line: line, "[\(name)] appears twice (first on line \(first.line)); merge them")
                }
                tables.append(ConfigEntry.Table(name: name, line: line))
                table = name
                continue
            }
            let key = try scanner.key()
            scanner.skipSpaces()
            if scanner.peek == "." { throw ConfigSyntaxError(line: line, "dotted keys are not used by gaffer's config; put \(key) under its [table]") }
            guard scanner.peek == "=" else { throw ConfigSyntaxError(line: line, "expected key = value after \(key)") }
            scanner.advance()
            scanner.skipSpaces()
            let value = try scanner.value()
            try scanner.expectEnd()
            let entry = ConfigEntry(table: table, key: key, value: value, line: line)
            if let first = seen[entry.path] { throw ConfigSyntaxError(line: line, "\(key) is set twice (first on line \(first)); keep one") }
            seen[entry.path] = line
            entries.append(entry)
        }
        return ConfigDocument(entries: entries, tables: tables)
    }
}
