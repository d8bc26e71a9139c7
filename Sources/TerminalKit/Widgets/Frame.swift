/// A box around a pane: `┌─ Title ──── trailing ─┐`, drawn in the focused style when the pane has focus.
public struct Frame: Hashable, Sendable {
    /// Shown at the left of the top border; untrusted text is fine (it is sanitized).
    public var title: String
    /// Shown at the right of the top border when there is room (counts, staleness); a long title is
    /// cut to make that room.
    public var trailing: String
    public var isFocused: Bool

    public init(title: String = "", trailing: String = "", isFocused: Bool = false) {
        self.title = title
        self.trailing = trailing
        self.isFocused = isFocused
    }

    /// How much of a title stays when it is cut to make room for the trailing text.
    static let titleKeeps = 12

    /// The area inside a frame drawn at `area`.
    public static func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Draws the frame, clears its inside, and returns the inside.
    ///
    /// Areas smaller than 2×2 have no room for a box: nothing is drawn and the result is empty.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let border = Style(isFocused ? .borderFocused : .border)
        let horizontal = String(repeating: "─", count: area.width - 2)
        buffer.put("┌" + horizontal + "┐", x: area.x, y: area.y, style: border)
        for row in (area.y + 1)..<(area.maxY - 1) {
            buffer.put("│", x: area.x, y: row, style: border)
            buffer.put("│", x: area.maxX - 1, y: row, style: border)
        }
        buffer.put("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, style: border)
        let inside = Self.inner(area)
        buffer.fill(inside, style: .plain)
        drawLabels(into: &buffer, area: area, border: border)
        return inside
    }

    /// Title after `┌─ `, trailing text before ` ─┐`, each with one space either side.
    private func drawLabels(into buffer: inout CellBuffer, area: Rect, border: Style) {
        // "┌─ " + title + " " … " " + trailing + " ─┐": three columns at each end.
        let room = area.width - 6
        guard room > 0 else { return }
        let trailing = Sanitizer.visible(trailing)
        let trailingWidth = DisplayWidth.of(trailing)
        // A long title is cut, down to `titleKeeps` cells, before the trailing text (counts, the data's
        // age) is left out.
        let fullTitle = Sanitizer.visible(title)
        let keep = min(DisplayWidth.of(fullTitle), Self.titleKeeps)
        let titleRoom = trailingWidth > 0 && keep + 3 + trailingWidth <= room ? room - 3 - trailingWidth : room
        let title = DisplayWidth.truncate(fullTitle, toWidth: titleRoom)
        let titleWidth = DisplayWidth.of(title)
        if titleWidth > 0 {
            buffer.put(" ", x: area.x + 2, y: area.y, style: border)
            buffer.put(title, x: area.x + 3, y: area.y, style: Style(.title))
            buffer.put(" ", x: area.x + 3 + titleWidth, y: area.y, style: border)
        }
        // The trailing text is never cut; it needs "─ " clear after the title, or it is left out.
        let trailingRoom = titleWidth > 0 ? room - titleWidth - 3 : room
        guard trailingWidth > 0, trailingWidth <= trailingRoom else { return }
        let start = area.maxX - 3 - trailingWidth
        buffer.put(" ", x: start - 1, y: area.y, style: border)
        buffer.put(trailing, x: start, y: area.y, style: Style(.muted))
        buffer.put(" ", x: start + trailingWidth, y: area.y, style: border)
    }
}
