/// A bar chart over several rows: a labelled y-axis (`0`, half, top of a rounded scale), one bar per
/// value left to right, time marks under the axis.
///
/// Each bar has a total and a part of it (`part`, e.g. failures) drawn at its foot in another role.
/// Heights are in eighths of a cell (`▁`…`█` on the top cell); any positive total shows at least
/// `▁`, any positive part at least one cell, so a single failure never vanishes in rounding.
public struct BarChart: Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public var total: Int
        public var part: Int

        public init(total: Int, part: Int = 0) {
            self.total = total
            self.part = min(part, total)
        }
    }

    /// A label under the axis at a bar's first column.
    public struct Mark: Hashable, Sendable {
        public var bar: Int
        public var label: String

        public init(bar: Int, label: String) {
            self.bar = bar
            self.label = label
        }
    }

    public var bars: [Bar]
    /// Columns each bar takes (at least 1).
    public var barWidth: Int
    public var marks: [Mark]
    public var totalRole: ThemeRole
    public var partRole: ThemeRole

    public init(bars: [Bar], barWidth: Int = 1, marks: [Mark] = [], totalRole: ThemeRole = .ok,
                partRole: ThemeRole = .discarded) {
        self.bars = bars
        self.barWidth = max(1, barWidth)
        self.marks = marks
        self.totalRole = totalRole
        self.partRole = partRole
    }

    static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The smallest 1, 2 or 5 times a power of ten at or above `value` (at least 1): the scale's top.
    public static func scaleTop(_ value: Int) -> Int {
        var magnitude = 1
        while true {
            for step in [1, 2, 5] where step * magnitude >= value { return step * magnitude }
            magnitude *= 10
        }
    }

    /// Columns the y-axis labels and the axis line take at the left, for `top`.
    public static func axisWidth(top: Int) -> Int { String(top).count + 2 }

    /// Draws into `area`: all rows but the last two hold bars, then the axis, then the marks.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.height >= 4, area.width >= 4 else { return }
        let top = Self.scaleTop(bars.map(\.total).max() ?? 0)
        let labelWidth = String(top).count
        let plotX = area.x + labelWidth + 2
        let rows = area.height - 2
        let axisY = area.y + rows
        let muted = Style(.muted)
        // The y-axis: the top of the scale at the top row, half way up, and 0 at the axis.
        for row in 0..<rows {
            let y = area.y + row
            buffer.put("│", x: plotX - 1, y: y, style: muted)
            let label: String? = row == 0 ? String(top) : (row == rows / 2 && rows >= 4 && top % 2 == 0 ? String(top / 2) : nil)
            if let label {
                buffer.put(DisplayWidth.pad(label, toWidth: labelWidth, alignment: .right), x: area.x, y: y, style: muted)
                buffer.put("┤", x: plotX - 1, y: y, style: muted)
            }
        }
        buffer.put(DisplayWidth.pad("0", toWidth: labelWidth, alignment: .right), x: area.x, y: axisY, style: muted)
        let plotWidth = max(0, min(area.maxX - plotX, bars.count * barWidth))
        buffer.put("└" + String(repeating: "─", count: plotWidth), x: plotX - 1, y: axisY, style: muted)
        for (index, bar) in bars.enumerated() {
            let x = plotX + index * barWidth
            guard x + barWidth <= area.maxX else { break }
            drawBar(bar, top: top, rows: rows, x: x, bottom: axisY - 1, into: &buffer)
        }
        // Marks: a tick on the axis and the label under it, skipped where the previous one is still written.
        var freeFrom = area.x
        for mark in marks {
            let x = plotX + mark.bar * barWidth
            guard x >= freeFrom, x + DisplayWidth.of(mark.label) <= area.maxX else { continue }
            buffer.put("┴", x: x, y: axisY, style: muted)
            freeFrom = x + buffer.put(mark.label, x: x, y: axisY + 1, style: muted) + 1
        }
    }

    private func drawBar(_ bar: Bar, top: Int, rows: Int, x: Int, bottom: Int, into buffer: inout CellBuffer) {
        guard bar.total > 0 else { return }
        let eighths = max(1, Int((Double(bar.total) / Double(top) * Double(rows * 8)).rounded()))
        let partCells = bar.part == 0 ? 0 : max(1, Int((Double(bar.part) / Double(top) * Double(rows)).rounded()))
        for row in 0..<rows {
            let filled = min(8, eighths - row * 8)
            guard filled > 0 else { break }
            let glyph = String(Self.eighths[filled - 1])
            let role = row < partCells ? partRole : totalRole
            buffer.put(String(repeating: glyph, count: barWidth), x: x, y: bottom - row, style: Style(role))
        }
    }
}
