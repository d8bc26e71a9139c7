import TerminalKit

/// One line of a scrolling text view (detail, help), already sanitized.
struct StyledLine: Sendable, Hashable {
    var text: String
    var role: ThemeRole
    /// Columns of indentation kept when the line wraps.
    var indent: Int

    init(_ text: String, _ role: ThemeRole = .text, indent: Int = 0) {
        self.text = text
        self.role = role
        self.indent = indent
    }

    /// The lines as they appear in a view `width` columns wide: wrapped at the width, keeping
    /// each line's indent, or cut with `…`.
    static func layout(_ lines: [StyledLine], width: Int, wrap: Bool) -> [StyledLine] {
        var screen: [StyledLine] = []
        for line in lines {
            let pad = String(repeating: " ", count: line.indent)
            let room = max(1, width - line.indent)
            if wrap && DisplayWidth.of(line.text) > room {
                screen += DisplayWidth.wrap(line.text, toWidth: room).map { StyledLine(pad + $0, line.role) }
            } else {
                screen.append(StyledLine(pad + DisplayWidth.truncate(line.text, toWidth: room), line.role))
            }
        }
        return screen
    }

    /// The largest useful scroll of `lines` in `area`: the one that puts the last line at the bottom.
    static func maxScroll(_ lines: [StyledLine], wrap: Bool, area: Rect) -> Int {
        max(0, layout(lines, width: area.width, wrap: wrap).count - area.height)
    }

    /// Draws `lines` from `scroll` into `area`, wrapping long lines or cutting them with `…`.
    /// Returns the scroll actually used (clamped so the last line can reach the bottom).
    @discardableResult
    static func draw(_ lines: [StyledLine], scroll: Int, wrap: Bool, into buffer: inout CellBuffer, area: Rect) -> Int {
        guard !area.isEmpty else { return 0 }
        let screen = layout(lines, width: area.width, wrap: wrap)
        let first = min(max(0, scroll), max(0, screen.count - area.height))
        for (offset, line) in screen.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(line.text, x: area.x, y: area.y + offset, style: Style(line.role), maxWidth: area.width)
        }
        return first
    }
}
