extension CellBuffer {
    /// The grid as text for snapshot tests: rows joined by `\n`, trailing spaces trimmed per row.
    ///
    /// Continuation cells are skipped, so a wide character appears once and the row reads
    /// as it would on a terminal.
    public func text() -> String {
        text(in: bounds)
    }

    /// The text of the cells inside `rect` (clipped to the grid), as `text()` writes the whole grid.
    public func text(in rect: Rect) -> String {
        let area = rect.intersection(bounds)
        return (area.y..<area.maxY).map { row in
            let line = cells[(row * width + area.x)..<(row * width + area.maxX)].compactMap { cell in
                cell.isContinuation ? nil : cell.character
            }
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }.joined(separator: "\n")
    }

    /// One letter per cell (continuation cells included) naming each cell's role.
    ///
    /// Roles missing from `legend` show as `unknown`. Attributes are ignored; use the
    /// `Style`-keyed overload to tell them apart.
    public func styleMask(legend: [ThemeRole: Character], unknown: Character = "?") -> String {
        rows { cell in legend[cell.style.role] ?? unknown }
            .map { String($0) }
            .joined(separator: "\n")
    }

    /// One letter per cell (continuation cells included) naming each cell's exact style.
    public func styleMask(legend: [Style: Character], unknown: Character = "?") -> String {
        rows { cell in legend[cell.style] ?? unknown }
            .map { String($0) }
            .joined(separator: "\n")
    }

    /// The characters `transform` returns for each row's cells, skipping `nil`s.
    private func rows(_ transform: (Cell) -> Character?) -> [[Character]] {
        (0..<height).map { row in
            cells[(row * width)..<((row + 1) * width)].compactMap(transform)
        }
    }
}
