import TerminalKit

/// How a pane's rows are ordered: by one column (`<` `>` pick it), either way (`I` turns it), or
/// as the pane orders them itself (no column).
public struct ColumnSort: Sendable, Hashable {
    /// The column sorted by; nil keeps the pane's own order.
    public var column: Int?
    public var descending: Bool

    public init(column: Int? = nil, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// The next (`by` 1) or previous (-1) column among `count`, passing through the pane's own order.
    func stepped(by delta: Int, among count: Int) -> ColumnSort {
        let positions = count + 1  // the pane's own order, then each column
        let current = column.map { $0 + 1 } ?? 0
        let next = ((current + delta) % positions + positions) % positions
        return ColumnSort(column: next == 0 ? nil : next - 1, descending: descending)
    }

    /// `▼` newest/largest first, `▲` otherwise.
    var arrow: String { descending ? "▼" : "▲" }

    /// The columns with the sorted one's title marked (`age▼`), widened so the mark always shows.
    func marking(_ columns: [TableColumn]) -> [TableColumn] {
        guard let column, columns.indices.contains(column) else { return columns }
        var marked = columns
        let old = columns[column]
        let title = old.title + arrow
        marked[column] = TableColumn(title, minWidth: max(old.minWidth, DisplayWidth.of(title)),
                                     maxWidth: old.maxWidth.map { max($0, DisplayWidth.of(title)) }, flex: old.flex,
                                     alignment: old.alignment)
        return marked
    }

    /// `rows` ordered by the column's cells (numbers, counts and durations by value; blanks last),
    /// ties in the pane's own order.
    func apply(_ rows: [PaneRow]) -> [PaneRow] {
        guard let column else { return descending ? rows.reversed() : rows }
        let keyed = rows.enumerated().map { index, row in
            (index, row, SortKey(row.cells.indices.contains(column) ? row.cells[column].text : ""))
        }
        return keyed.sorted { a, b in
            if a.2 == b.2 { return a.0 < b.0 }
            if a.2.isBlank != b.2.isBlank { return b.2.isBlank }
            return descending ? b.2 < a.2 : a.2 < b.2
        }.map(\.1)
    }
}

/// A cell's text as a sort key: its value when it reads as a number, count or duration as `Format`
/// writes them (`12k`, `3.4M`, `1,234`, `2/5`, `1m48s`, `3h05m`, `320ms`, `~5m`), else the text.
struct SortKey: Comparable, Hashable {
    var number: Double?
    var text: String

    init(_ cell: String) {
        text = cell.lowercased()
        number = Self.value(of: cell)
    }

    var isBlank: Bool { text.isEmpty || text == "-" || text == "–" || text == "?" }

    static func < (a: SortKey, b: SortKey) -> Bool {
        switch (a.number, b.number) {
        case let (x?, y?): x < y
        case (_?, nil): true
        case (nil, _?): false
        case (nil, nil): a.text < b.text
        }
    }

    static let multipliers: [String: Double] = ["k": 1_000, "M": 1_000_000, "ms": 0.001, "s": 1, "m": 60, "h": 3600,
                                                "d": 86_400]

    /// The value of `1,234`, `12k`, `3.4M`, `2/5` (its first number), `1m48s`, `~5m`, `5s old`; nil for other text.
    static func value(of cell: String) -> Double? {
        var text = Substring(cell.trimmingCharacters(in: .whitespaces))
        while let first = text.first, "~≈".contains(first) { text = text.dropFirst() }
        if let space = text.firstIndex(of: " ") { text = text[..<space] }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        text = Substring(text.replacingOccurrences(of: ",", with: ""))
        if text.hasSuffix("+") { text = text.dropLast() }
        if let plain = Double(text) { return plain }
        // Runs of digits and a unit: `1m48s`, `3.4M`, `320ms`.
        var total = 0.0
        var digits = ""
        var unit = ""
        var parsedAny = false
        func flush() -> Bool {
            guard let number = Double(digits), let factor = multipliers[unit] else { return false }
            total += number * factor
            digits = ""
            unit = ""
            parsedAny = true
            return true
        }
        for ch in text {
            if ch.isNumber || ch == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                digits.append(ch)
            } else if ch.isLetter, !digits.isEmpty {
                unit.append(ch)
            } else {
                return nil
            }
        }
        if !digits.isEmpty { guard flush() else { return nil } }
        return parsedAny ? total : nil
    }
}
