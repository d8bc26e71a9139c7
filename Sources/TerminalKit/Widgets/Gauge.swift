/// A one-row meter: a bar filled in proportion to `used/limit`, followed by the numbers.
///
/// The bar is drawn in eighths of a cell (`▏▎▍▌▋▊▉█`), so small changes show. Any non-zero
/// use shows at least one eighth; use at or over the limit fills the bar, and over the
/// limit it is drawn in the warning role.
public struct Gauge: Hashable, Sendable {
    public var used: Int
    public var limit: Int
    /// Text after the bar; `nil` shows `used/limit`.
    public var label: String?

    public init(used: Int, limit: Int, label: String? = nil) {
        self.used = used
        self.limit = limit
        self.label = label
    }

    static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Draws into the first row of `area`: the bar, a space, the label. Below 3 bar cells only the label is drawn.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let label = Sanitizer.visible(label ?? "\(used)/\(limit)")
        let labelWidth = DisplayWidth.of(label)
        let barWidth = area.width - labelWidth - 1
        guard barWidth >= 3 else {
            buffer.put(DisplayWidth.truncate(label, toWidth: area.width), x: area.x, y: area.y, style: Style(.text))
            return
        }
        let eighths = filledEighths(of: barWidth)
        let fullCells = eighths / 8
        var bar = String(repeating: "█", count: fullCells)
        if eighths % 8 > 0 { bar.append(Self.partialBlocks[eighths % 8 - 1]) }
        let fillStyle = Style(used > limit ? .warning : .gaugeFill)
        let drawn = buffer.put(bar, x: area.x, y: area.y, style: fillStyle)
        buffer.put(String(repeating: "░", count: barWidth - drawn), x: area.x + drawn, y: area.y, style: Style(.gaugeEmpty))
        buffer.put(label, x: area.x + barWidth + 1, y: area.y, style: Style(.text))
    }

    /// How many eighths of `barWidth` cells are filled.
    func filledEighths(of barWidth: Int) -> Int {
        let total = barWidth * 8
        guard used > 0 else { return 0 }
        guard limit > 0, used < limit else { return total }
        return min(total, max(1, used * total / limit))
    }
}
