/// One column of a `Table`: its header and how wide it may be.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Never narrower than this while the column is shown.
    public var minWidth: Int
    /// Never wider than this; `nil` for no limit.
    public var maxWidth: Int?
    /// Share of the space left after every column has its content width; 0 takes none.
    public var flex: Int
    public var alignment: TextAlignment
    /// Grows past `minWidth` only once every other column has its content width: a column of
    /// extras (a source location) that must not cut the columns an operator reads first.
    public var growsLast: Bool
    /// Hidden while the table is too narrow for the other columns' content: a secondary column (a second
    /// count, an age) that gives way before the columns an operator reads first are cut.
    public var givesWay: Bool

    /// A column; `minWidth` defaults to the title's width.
    public init(_ title: String, minWidth: Int? = nil, maxWidth: Int? = nil, flex: Int = 0, alignment: TextAlignment = .left,
                growsLast: Bool = false, givesWay: Bool = false) {
        self.title = title
        let minimum = max(0, minWidth ?? DisplayWidth.of(title))
        self.minWidth = minimum
        self.maxWidth = maxWidth.map { max(minimum, $0) }
        self.flex = max(0, flex)
        self.alignment = alignment
        self.growsLast = growsLast
        self.givesWay = givesWay
    }

    /// A right-aligned column for numbers, counts and durations.
    public static func numeric(_ title: String, minWidth: Int? = nil, maxWidth: Int? = nil, givesWay: Bool = false)
        -> TableColumn
    {
        TableColumn(title, minWidth: minWidth, maxWidth: maxWidth, alignment: .right, givesWay: givesWay)
    }
}
