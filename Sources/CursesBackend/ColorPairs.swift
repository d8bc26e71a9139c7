import CNCurses
import TerminalKit

/// Colour pairs allocated on first use per (foreground, background), after `use_default_colors`.
struct ColorPairs {
    private var pairs: [PairKey: Int16] = [:]
    let colors: Int
    let pairLimit: Int

    struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Reads the terminal's capabilities; with no colour support every style is attributes only.
    init(enabled: Bool) {
        if enabled, has_colors() {
            start_color()
            use_default_colors()
            colors = Int(gaffer_colors())
            pairLimit = Int(gaffer_color_pairs())
        } else {
            colors = 0
            pairLimit = 0
        }
    }

    /// The pair number for a resolved style (0 = the terminal's defaults) and the attributes to draw it
    /// with (the reduction may add some, see `ColorReduction`).
    mutating func pair(for style: ResolvedStyle) -> (Int16, TextAttributes) {
        guard colors > 0 else { return (0, style.attributes) }
        let reduced = ColorReduction.reduce(style, available: colors)
        let key = PairKey(foreground: reduced.foreground ?? -1, background: reduced.background ?? -1)
        if key.foreground == -1 && key.background == -1 { return (0, reduced.attributes) }
        if let existing = pairs[key] { return (existing, reduced.attributes) }
        let number = Int16(pairs.count + 1)
        guard Int(number) < pairLimit else { return (0, reduced.attributes) }
        init_pair(number, key.foreground, key.background)
        pairs[key] = number
        return (number, reduced.attributes)
    }

    /// The curses attribute bits for TerminalKit attributes.
    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var bits = gaffer_a_normal()
        if attributes.contains(.bold) { bits |= gaffer_a_bold() }
        if attributes.contains(.dim) { bits |= gaffer_a_dim() }
        if attributes.contains(.reverse) { bits |= gaffer_a_reverse() }
        if attributes.contains(.underline) { bits |= gaffer_a_underline() }
        if attributes.contains(.italic) { bits |= gaffer_a_italic() }
        return bits
    }
}
