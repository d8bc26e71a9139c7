import TerminalKit

/// Brings a theme colour down to what the terminal can show (256, 16 or 8 colours).
enum ColorReduction {
    /// The palette index to use on a terminal with `available` colours; nil for the terminal default.
    static func index(_ color: Color, available: Int) -> Int16? {
        guard case .indexed(let index) = color else { return nil }
        let value = Int(index)
        if value < available { return Int16(value) }
        let basic = value < 16 ? value : nearestBasic(value)
        return Int16(available >= 16 ? basic : basic % 8)
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
