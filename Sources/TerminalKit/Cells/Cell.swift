/// One terminal cell: a grapheme cluster and its style, or the right half of a wide character.
public struct Cell: Hashable, Sendable {
    /// What the cell shows; a space for a blank cell and for a continuation cell.
    public private(set) var character: Character
    public var style: Style
    /// Whether this is the second column of the wide character in the cell to its left.
    public private(set) var isContinuation: Bool

    /// A cell showing `character`, which must be one or two columns wide and contain no control characters.
    public init(_ character: Character, style: Style = .plain) {
        self.character = character
        self.style = style
        self.isContinuation = false
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(" ", style: style)
    }

    /// The right half of a wide character.
    static func continuation(_ style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    /// Columns the character covers: 0 for a continuation cell, otherwise 1 or 2.
    public var width: Int {
        isContinuation ? 0 : max(1, DisplayWidth.of(character))
    }
}
