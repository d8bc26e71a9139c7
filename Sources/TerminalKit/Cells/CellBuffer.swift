/// An off-screen grid of cells that widgets draw into and the backend copies to the terminal.
///
/// Invariants: every wide character is followed by exactly one continuation cell, every
/// continuation cell follows a wide character, and no cell holds a control character
/// (`put` sanitizes what it writes). Writes outside the grid are clipped, never wrapped.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A grid of blank cells in `style`; negative sizes become zero.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    public var size: Size { Size(width: width, height: height) }
    /// The whole grid as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`), which must be inside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        precondition(bounds.contains(x: x, y: y), "cell \(x),\(y) is outside \(width)x\(height)")
        return cells[y * width + x]
    }

    /// Writes one line of text from (`x`, `y`) and returns the number of columns it covered.
    ///
    /// The text is sanitized first, so control characters show as visible escapes (`\e`,
    /// `\n`) instead of reaching the terminal. Writing stops at the right edge of the grid
    /// or after `maxWidth` columns, whichever comes first. A wide character that does not
    /// fit in the remaining single column leaves a blank there instead of half a glyph.
    /// Clusters of zero width (a lone combining mark) are skipped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in Sanitizer.visible(text) {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column >= limit { break }
            if column + characterWidth > limit {
                if column >= 0 { setCell(.blank(style), x: column, y: y) }
                column += 1
                break
            }
            if column >= 0 {
                setCell(Cell(character, style: style), x: column, y: y)
                if characterWidth == 2 { setCell(.continuation(style), x: column + 1, y: y) }
            } else if column + characterWidth > 0 {
                // A wide character straddling the left edge: keep the visible half blank.
                setCell(.blank(style), x: 0, y: y)
            }
            column += characterWidth
        }
        return max(0, min(column, limit) - max(x, 0))
    }

    /// Sets every cell of `rect` (clipped to the grid) to `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let characterWidth = DisplayWidth.of(character)
        guard characterWidth > 0 else { return }  // controls and zero-width clusters measure 0
        for row in area.y..<area.maxY {
            var column = area.x
            while column < area.maxX {
                if characterWidth == 2 && column + 1 >= area.maxX {
                    setCell(.blank(style), x: column, y: row)
                } else {
                    setCell(Cell(character, style: style), x: column, y: row)
                    if characterWidth == 2 { setCell(.continuation(style), x: column + 1, y: row) }
                }
                column += characterWidth
            }
        }
    }

    /// Changes the style of every cell in `rect` and keeps the characters.
    ///
    /// A wide character cut by the rectangle's edge is restyled whole, so both of its
    /// columns always share one style.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            var first = area.x
            var last = area.maxX - 1
            if cells[row * width + first].isContinuation { first -= 1 }
            if cells[row * width + last].width == 2 && last + 1 < width { last += 1 }
            for column in first...last {
                cells[row * width + column].style = style
            }
        }
    }

    /// Stores one cell, blanking the other half of any wide character it overwrites.
    ///
    /// A continuation cell passed here must be followed by nothing else: callers write the
    /// wide character first, then its continuation one column to the right.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard bounds.contains(x: x, y: y) else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation && !cell.isContinuation && x > 0 {
            // Overwriting the right half: the left half loses its glyph.
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if old.width == 2 && x + 1 < width {
            // Overwriting the left half: the right half becomes an ordinary blank.
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
    }
}
