/// A key press, decoded by the backend from whatever the terminal sent.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, shifted or not: `q`, `R`, `?`, ` `.
    case character(Character)
    /// Control plus a letter or symbol: `.ctrl("r")` is Ctrl-R (the letter's case does not matter).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Function key F1–F24.
    case function(Int)
    /// The terminal changed size (delivered like a key by curses).
    case resize
    /// A click or wheel turn, when the terminal reports the mouse (never bound in a table).
    case mouse(MouseEvent)

    /// The key with Ctrl letters folded to lower case, so `.ctrl("R") == .ctrl("r")` after normalizing.
    public var normalized: Key {
        if case .ctrl(let character) = self { return .ctrl(Character(character.lowercased())) }
        return self
    }

    /// How the key is written in the footer and help: `q`, `Space`, `^R`, `↑`, `PgDn`, `Enter`, `F1`.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return Sanitizer.visible(String(character))
        case .ctrl(let character): return "^" + Sanitizer.visible(character.uppercased())
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .function(let number): return "F\(number)"
        case .resize: return "Resize"
        case .mouse: return "Mouse"
        }
    }

    public var description: String { displayName }
}
