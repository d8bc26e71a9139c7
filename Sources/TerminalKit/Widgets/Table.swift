/// Rows under a header, with a highlighted selection that scrolling keeps in view.
///
/// Column widths come from the content and the width (so they do not jump while scrolling):
/// every column gets its minimum, then all grow together, a cell at a time, toward their widest
/// cell (capped by their maximum), so no column eats the others' room; then a column whose cells
/// are still cut grows past its maximum while room is left; then flexible columns share the rest. Columns that
/// give way (`TableColumn.givesWay`) are hidden, rightmost first, while the others' content would be cut; columns
/// that cannot get their minimum are dropped from the right. Too-long text ends in `…`.
public struct Table: Hashable, Sendable {
    public var columns: [TableColumn]
    /// Each row holds one cell per column; missing cells are blank, extra ones ignored.
    public var rows: [[TableCell]]
    /// Index of the selected row, if any.
    public var selection: Int?
    /// Index of the first visible row, as last drawn; `render` adjusts it to keep the selection visible.
    public var offset: Int
    /// An unfocused table shows its selection in the inactive style.
    public var isFocused: Bool
    public var showsHeader: Bool
    public var columnSpacing: Int
    /// Shown (muted) instead of rows when there are none.
    public var emptyMessage: String

    public init(
        columns: [TableColumn],
        rows: [[TableCell]],
        selection: Int? = nil,
        offset: Int = 0,
        isFocused: Bool = true,
        showsHeader: Bool = true,
        columnSpacing: Int = 1,
        emptyMessage: String = ""
    ) {
        self.columns = columns
        self.rows = rows
        self.selection = selection
        self.offset = offset
        self.isFocused = isFocused
        self.showsHeader = showsHeader
        self.columnSpacing = max(0, columnSpacing)
        self.emptyMessage = emptyMessage
    }

    /// The first visible row for a window of `visibleRows`: `offset` moved as little as possible to show `selection`.
    public static func scrollOffset(selection: Int?, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var first = min(max(0, offset), max(0, rowCount - visibleRows))
        if let selection {
            let selected = min(max(0, selection), rowCount - 1)
            if selected < first { first = selected }
            if selected >= first + visibleRows { first = selected - visibleRows + 1 }
        }
        return first
    }

    /// How many rows fit in `area` under the header.
    public func visibleRows(in area: Rect) -> Int { max(0, area.height - (showsHeader ? 1 : 0)) }

    /// Draws the table and returns the offset it used; store it back into `offset` for stable scrolling.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect) -> Int {
        guard !area.isEmpty else { return offset }
        let widths = columnWidths(forWidth: area.width)
        var y = area.y
        if showsHeader {
            drawRow(columns.map { TableCell($0.title) }, widths: widths, y: y, x: area.x, width: area.width, rowStyle: Style(.header), into: &buffer)
            y += 1
        }
        let visibleRows = visibleRows(in: area)
        guard !rows.isEmpty else {
            if visibleRows > 0 {
                buffer.put(DisplayWidth.truncate(Sanitizer.visible(emptyMessage), toWidth: area.width), x: area.x, y: y, style: Style(.muted))
            }
            return 0
        }
        let first = Self.scrollOffset(selection: selection, offset: offset, visibleRows: visibleRows, rowCount: rows.count)
        for (line, index) in (first..<min(rows.count, first + max(0, visibleRows))).enumerated() {
            let isSelected = index == selection
            let rowStyle = isSelected ? Style(isFocused ? .selection : .selectionInactive) : Style(.text)
            drawRow(rows[index], widths: widths, y: y + line, x: area.x, width: area.width, rowStyle: rowStyle, overridesCells: isSelected, into: &buffer)
        }
        return first
    }

    /// Width of each column for a table `width` cells wide; 0 for a column that does not fit.
    public func columnWidths(forWidth width: Int) -> [Int] {
        var hidden = Set<Int>()
        for index in columns.indices.reversed() where columns[index].givesWay {
            if contentFits(width, hiding: hidden) { break }
            hidden.insert(index)
        }
        return columnWidths(forWidth: width, hiding: hidden)
    }

    /// Whether every shown column but the extras (`growsLast`) can have its whole content, capped by its maximum.
    private func contentFits(_ width: Int, hiding hidden: Set<Int>) -> Bool {
        let shown = columns.indices.filter { !hidden.contains($0) }
        let wanted = shown.reduce(0) { sum, index in
            let column = columns[index]
            let content = column.growsLast ? column.minWidth : min(naturalWidth(of: index), column.maxWidth ?? Int.max)
            return sum + max(column.minWidth, content)
        }
        return wanted + columnSpacing * max(0, shown.count - 1) <= width
    }

    private func columnWidths(forWidth width: Int, hiding hidden: Set<Int>) -> [Int] {
        var widths = [Int](repeating: 0, count: columns.count)
        var shown: [Int] = []
        var used = 0
        for (index, column) in columns.enumerated() where !hidden.contains(index) {
            let gap = shown.isEmpty ? 0 : columnSpacing
            if used + gap + column.minWidth <= width {
                widths[index] = column.minWidth
                used += gap + column.minWidth
                shown.append(index)
            } else if shown.isEmpty {
                widths[index] = width
                return widths
            } else {
                break
            }
        }
        var spare = width - used
        let first = shown.filter { !columns[$0].growsLast }
        for group in [first, shown] {
            let natural = group.map { naturalWidth(of: $0) }
            let capped = zip(group, natural).map { index, wanted in min(wanted, columns[index].maxWidth ?? Int.max) }
            grow(&spare, toward: capped, over: group, into: &widths)
            grow(&spare, toward: natural, over: group, into: &widths)
        }
        distribute(&spare, over: shown, into: &widths)
        // A column without a minimum that got one cell would show only `…`.
        for index in shown where columns[index].minWidth == 0 && widths[index] == 1 && naturalWidth(of: index) > 1 {
            widths[index] = 0
        }
        return widths
    }

    /// Hands out `spare` one cell per column per round to the columns narrower than their target.
    private func grow(_ spare: inout Int, toward targets: [Int], over shown: [Int], into widths: inout [Int]) {
        while spare > 0 {
            var grew = false
            for (position, index) in shown.enumerated() where spare > 0 && widths[index] < targets[position] {
                widths[index] += 1
                spare -= 1
                grew = true
            }
            if !grew { return }
        }
    }

    /// Shares `spare` cells among the shown flexible columns by weight, respecting maximum widths.
    private func distribute(_ spare: inout Int, over shown: [Int], into widths: inout [Int]) {
        while spare > 0 {
            let growable = shown.filter { columns[$0].flex > 0 && widths[$0] < (columns[$0].maxWidth ?? Int.max) }
            guard !growable.isEmpty else { return }
            let totalFlex = growable.reduce(0) { $0 + columns[$1].flex }
            var handedOut = 0
            for index in growable {
                let share = max(1, spare * columns[index].flex / totalFlex)
                let growth = min(share, spare - handedOut, (columns[index].maxWidth ?? Int.max) - widths[index])
                widths[index] += growth
                handedOut += growth
                if handedOut == spare { break }
            }
            spare -= handedOut
        }
    }

    /// The widest of the column's header and cells.
    private func naturalWidth(of column: Int) -> Int {
        var widest = DisplayWidth.of(Sanitizer.visible(columns[column].title))
        for row in rows where column < row.count {
            widest = max(widest, DisplayWidth.of(Sanitizer.visible(row[column].text)))
        }
        return widest
    }

    private func drawRow(
        _ cells: [TableCell], widths: [Int], y: Int, x: Int, width: Int, rowStyle: Style,
        overridesCells: Bool = false, into buffer: inout CellBuffer
    ) {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: rowStyle)
        var column = x
        for (index, columnWidth) in widths.enumerated() where columnWidth > 0 {
            if index < cells.count {
                let cell = cells[index]
                let text = DisplayWidth.truncate(Sanitizer.visible(cell.text), toWidth: columnWidth)
                let indent = Self.indent(of: DisplayWidth.of(text), in: columnWidth, alignment: columns[index].alignment)
                let style = overridesCells ? rowStyle : (cell.style ?? rowStyle)
                buffer.put(text, x: column + indent, y: y, style: style, maxWidth: columnWidth - indent)
            }
            column += columnWidth + columnSpacing
        }
    }

    /// Columns of padding before text `textWidth` wide in a column `width` wide.
    static func indent(of textWidth: Int, in width: Int, alignment: TextAlignment) -> Int {
        let spare = max(0, width - textWidth)
        switch alignment {
        case .left: return 0
        case .right: return spare
        case .center: return spare / 2
        }
    }
}
