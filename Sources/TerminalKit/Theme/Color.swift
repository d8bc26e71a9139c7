/// A terminal colour: the terminal's own default, or an index into the 256-colour palette.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's default foreground or background (transparent background).
    case `default`
    /// Palette index 0–255; 0–7 are the basic colours, 8–15 their bright forms.
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)

    /// The eight basic colour names, in palette order.
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Every colour name a `.theme` file accepts (numbers 0–255 are accepted too).
    public static let allNames: [String] = ["default"] + basicNames + basicNames.map { "bright-" + $0 }

    /// Parses `default`, a basic name, `bright-<name>` or a palette index 0–255.
    public init?(name: String) {
        if name == "default" {
            self = .default
        } else if let index = Self.basicNames.firstIndex(of: name) {
            self = .indexed(UInt8(index))
        } else if name.hasPrefix("bright-"), let index = Self.basicNames.firstIndex(of: String(name.dropFirst(7))) {
            self = .indexed(UInt8(index + 8))
        } else if let number = Int(name), (0...255).contains(number), name.allSatisfy(\.isASCII) {
            self = .indexed(UInt8(number))
        } else {
            return nil
        }
    }

    /// The name a `.theme` file would use.
    public var description: String {
        switch self {
        case .default: return "default"
        case .indexed(let index) where index < 8: return Self.basicNames[Int(index)]
        case .indexed(let index) where index < 16: return "bright-" + Self.basicNames[Int(index) - 8]
        case .indexed(let index): return String(index)
        }
    }
}
