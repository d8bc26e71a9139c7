/// The footer key bar: `key label` pairs that wrap onto the area's rows and drop out when they do not fit.
///
/// Hints keep their given order on screen. When they need more rows than the area has,
/// the lowest-priority hint is dropped (the later one on ties) until the rest fit.
public struct KeyHints: Hashable, Sendable {
    public var hints: [KeyHint]
    /// Blank columns between two hints.
    public var spacing: Int

    public init(_ hints: [KeyHint], spacing: Int = 2) {
        self.hints = hints
        self.spacing = max(0, spacing)
    }

    /// The hints that fit in `rows` rows of `width` columns, in their original order.
    public func fitting(width: Int, rows: Int = 1) -> [KeyHint] {
        var kept = hints
        while !kept.isEmpty && !fits(kept, width: width, rows: rows) {
            var lowest = kept.count - 1
            for index in kept.indices.reversed() where kept[index].priority < kept[lowest].priority {
                lowest = index
            }
            kept.remove(at: lowest)
        }
        return kept
    }

    private func fits(_ hints: [KeyHint], width: Int, rows: Int) -> Bool {
        hints.allSatisfy { $0.width <= width } && lines(of: hints, width: width).count <= rows
    }

    /// Draws the fitting hints into `area`, one wrapped row after another.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: Style(.keyHint))
        for (row, line) in lines(of: fitting(width: area.width, rows: area.height), width: area.width).enumerated() {
            var x = area.x
            for hint in line {
                let keyStyle = Style(hint.isEnabled ? .keyHintKey : .keyHintDisabled)
                let labelStyle = Style(hint.isEnabled ? .keyHint : .keyHintDisabled)
                x += buffer.put(hint.key, x: x, y: area.y + row, style: keyStyle)
                if !hint.label.isEmpty {
                    x += 1
                    x += buffer.put(hint.label, x: x, y: area.y + row, style: labelStyle)
                }
                x += spacing
            }
        }
    }

    /// Greedy line wrapping in the given order.
    private func lines(of hints: [KeyHint], width: Int) -> [[KeyHint]] {
        var lines: [[KeyHint]] = []
        var current: [KeyHint] = []
        var used = 0
        for hint in hints {
            if !current.isEmpty && used + spacing + hint.width > width {
                lines.append(current)
                current = []
            }
            used = current.isEmpty ? hint.width : used + spacing + hint.width
            current.append(hint)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
