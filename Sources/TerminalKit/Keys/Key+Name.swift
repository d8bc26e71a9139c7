extension Key {
    /// The key a config file names: what `displayName` shows (`q`, `Space`, `^R`, `PgDn`, `F5`), or a
    /// spelled-out alias (`ctrl-r`, `PageDown`, `Escape`, `Up`); named keys ignore case. Nil for anything else.
    public init?(name: String) {
        if name.count == 1, let character = name.first, !character.isWhitespace || character == " " {
            guard Sanitizer.visible(name) == name else { return nil }
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        for prefix in ["^", "ctrl-", "ctrl+", "c-"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            guard let character = lower.last, character.isLetter || character.isPunctuation else { return nil }
            self = .ctrl(character)
            return
        }
        if lower.first == "f", let number = Int(lower.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        let named: [String: Key] = [
            "space": .character(" "), "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left, "←": .left,
            "right": .right, "→": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "s-tab": .backTab, "backtab": .backTab, "shift-tab": .backTab, "bksp": .backspace,
            "backspace": .backspace, "del": .delete, "delete": .delete,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}
