import TerminalKit

/// Brings a theme style down to what the terminal can show (256, 16 or 8 colours), keeping every
/// role visible.
///
/// The terminal's default background is unknown (black, white, or anything): on 8 colours black
/// and white are exactly what it may be, so greys never become palette 0 or 7 there. They become
/// the terminal's default foreground, which is visible on its own background by definition, dimmed
/// for dark greys (muted text) and bold for light ones; bright colours become their basic colour in
/// bold, which 8-colour terminals draw bright. On 16 colours a grey never rounds to black or bright
/// white. A foreground that lands on its own explicit background is swapped for a contrasting one.
enum ColorReduction {
    /// A style in the terminal's palette: indexes (nil for the terminal default) and the attributes to draw with.
    struct Reduced: Hashable {
        var foreground: Int16?
        var background: Int16?
        var attributes: TextAttributes
    }

    /// `style` as a terminal with `available` colours draws it.
    static func reduce(_ style: ResolvedStyle, available: Int) -> Reduced {
        var attributes = style.attributes
        let foreground = index(style.foreground, available: available, attributes: &attributes)
        var ignored: TextAttributes = []
        let background = index(style.background, available: available, attributes: &ignored)
        var reduced = Reduced(foreground: foreground, background: background, attributes: attributes)
        if let fg = foreground, let bg = background, fg == bg {
            reduced.foreground = bg == 0 ? 7 : 0
        }
        return reduced
    }

    /// The palette index for `color` on a terminal with `available` colours (nil: the terminal's
    /// default), adding to `attributes` what stands in for lost brightness.
    static func index(_ color: Color, available: Int, attributes: inout TextAttributes) -> Int16? {
        guard case .indexed(let raw) = color else { return nil }
        let value = Int(raw)
        if value < available && (available >= 16 || value < 8) { return Int16(value) }
        if available >= 16 {
            if let level = grayLevel(value) { return level < 200 ? 8 : 7 }
            return Int16(nearestBasic(value))
        }
        // 8 colours.
        if let level = grayLevel(value) {
            attributes.insert(level < 160 ? .dim : .bold)
            return nil
        }
        let basic = value < 16 ? value : nearestBasic(value)
        switch basic {
        case 8: attributes.insert(.dim); return nil
        case 15: attributes.insert(.bold); return nil
        case 0, 7: return nil
        case 9...14: attributes.insert(.bold); return Int16(basic - 8)
        default: return Int16(basic)
        }
    }

    /// The brightness of a grey palette entry beyond the basic eight (8, 15, the cube's diagonal,
    /// the grey ramp), nil for a colour.
    static func grayLevel(_ index: Int) -> Int? {
        guard index >= 8 else { return nil }
        let (r, g, b) = rgb(index)
        return r == g && g == b ? r : nil
    }

    /// The closest of the 16 basic colours to a 256-palette entry (cube 16–231, grays 232–255).
    static func nearestBasic(_ index: Int) -> Int {
        let (r, g, b) = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<16 {
            let (cr, cg, cb) = rgb(candidate)
            let distance = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// The xterm palette's RGB for an index.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        if index < 16 {
            let basic: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return basic[index]
        }
        if index < 232 {
            let cube = index - 16
            let level = { (n: Int) in n == 0 ? 0 : 55 + n * 40 }
            return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        }
        let gray = 8 + (index - 232) * 10
        return (gray, gray, gray)
    }
}
