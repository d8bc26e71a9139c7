/// A one-row chart of recent values as bars `▁▂▃▄▅▆▇█`, newest at the right.
///
/// Bars are scaled to `maximum` (the largest value when `nil`). Zero and negative values
/// are blank; any positive value shows at least `▁`.
public struct Sparkline: Hashable, Sendable {
    public var values: [Double]
    public var maximum: Double?

    public init(_ values: [Double], maximum: Double? = nil) {
        self.values = values
        self.maximum = maximum
    }

    public init(_ values: [Int], maximum: Int? = nil) {
        self.init(values.map(Double.init), maximum: maximum.map(Double.init))
    }

    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The bar for each of the last `width` values, padded with blanks on the left.
    public func glyphs(width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        let top = maximum ?? shown.max() ?? 0
        var result = String(repeating: " ", count: width - shown.count)
        for value in shown {
            guard value > 0, top > 0 else {
                result.append(" ")
                continue
            }
            let level = Int((min(value, top) / top * 8).rounded(.up))
            result.append(Self.bars[min(max(level, 1), 8) - 1])
        }
        return result
    }

    /// Draws into the first row of `area`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.put(glyphs(width: area.width), x: area.x, y: area.y, style: Style(.sparkline))
    }
}
