/// A one-row bar: a message on the left, context (connection, size, clock) on the right.
///
/// The right text wins when space is short; the left text is cut with `…`.
public struct StatusLine: Hashable, Sendable {
    public var left: String
    public var right: String
    /// `status` normally, `statusError` to report a failure, `banner` for READ-ONLY and similar.
    public var role: ThemeRole

    public init(_ left: String, right: String = "", role: ThemeRole = .status) {
        self.left = left
        self.right = right
        self.role = role
    }

    /// Fills the first row of `area` in the role's style, with one blank column at each end.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let style = Style(role)
        let row = area.row(0)
        buffer.fill(row, style: style)
        let inner = row.inset(left: 1, right: 1)
        guard inner.width > 0 else { return }
        let right = DisplayWidth.truncate(Sanitizer.visible(right), toWidth: inner.width)
        let rightWidth = DisplayWidth.of(right)
        buffer.put(right, x: inner.maxX - rightWidth, y: row.y, style: style)
        let leftRoom = inner.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        guard leftRoom > 0 else { return }
        buffer.put(DisplayWidth.truncate(Sanitizer.visible(left), toWidth: leftRoom), x: inner.x, y: row.y, style: style)
    }
}
