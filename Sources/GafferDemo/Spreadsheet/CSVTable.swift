/// A sheet read from CSV text (RFC 4180: commas, double-quoted fields, `""` for a quote).
struct CSVTable: Sendable, Equatable {
    let header: [String]
    let rows: [[String]]

    /// Parses `text`; the first record is the header. Throws on an unterminated quote or a row
    /// whose field count differs from the header's.
    static func parse(_ text: String, sheet: String) throws(BulkImportError) -> CSVTable {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var chars = Array(text).makeIterator()
        var pending = chars.next()
        var line = 1
        while let ch = pending {
            pending = chars.next()
            if quoted {
                if ch == "\"" {
                    if pending == "\"" { field.append("\""); pending = chars.next() } else { quoted = false }
                } else {
                    if ch.isNewline { line += 1 }
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty: quoted = true
            case ",": record.append(field); field = ""
            case "\r": break
            case "\n", "\r\n":  // CRLF is one Character in Swift
                record.append(field); field = ""
                if record != [""] { records.append(record) }
                record = []
                line += 1
            default: field.append(ch)
            }
        }
        if quoted { throw BulkImportError(.unterminatedQuote(line: line), sheet: sheet) }
        record.append(field)
        if record != [""] { records.append(record) }
        guard let header = records.first else { throw BulkImportError(.emptySheet, sheet: sheet) }
        let trimmedHeader = header.map { $0.trimmingSpaces }
        for (index, row) in records.dropFirst().enumerated() where row.count != header.count {
            throw BulkImportError(.fieldCount(row: index + 2, found: row.count, expected: header.count), sheet: sheet)
        }
        return CSVTable(header: trimmedHeader, rows: Array(records.dropFirst()))
    }

    /// The rows as dictionaries keyed by header, after checking that every `required` column exists.
    func records(requiring required: [String], sheet: String) throws(BulkImportError) -> [[String: String]] {
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw BulkImportError(.missingColumns(missing, found: header), sheet: sheet)
        }
        return rows.map { Dictionary(zip(header, $0.map(\.trimmingSpaces)), uniquingKeysWith: { first, _ in first }) }
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
