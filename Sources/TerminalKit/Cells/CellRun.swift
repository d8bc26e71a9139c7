/// A stretch of changed cells on one row that share a style: what the backend writes in one call.
public struct CellRun: Hashable, Sendable, CustomStringConvertible {
    /// Column of the first cell.
    public var x: Int
    public var y: Int
    public var style: Style
    /// The cells' characters; a wide character appears once and covers two columns.
    public var text: String
    /// Columns covered, continuation cells included.
    public var width: Int

    public init(x: Int, y: Int, style: Style, text: String, width: Int) {
        self.x = x
        self.y = y
        self.style = style
        self.text = text
        self.width = width
    }

    public var description: String { "(\(x),\(y)) \(style) \"\(text)\"" }
}
