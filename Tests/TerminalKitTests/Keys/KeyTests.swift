import Testing
@testable import TerminalKit

@Suite struct KeyTests {
    @Test(arguments: [
        (Key.character("q"), "q"), (.character("R"), "R"), (.character(" "), "Space"), (.character("?"), "?"),
        (.ctrl("r"), "^R"), (.ctrl("R"), "^R"), (.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"),
        (.pageUp, "PgUp"), (.pageDown, "PgDn"), (.home, "Home"), (.end, "End"), (.enter, "Enter"),
        (.escape, "Esc"), (.tab, "Tab"), (.backTab, "S-Tab"), (.backspace, "Bksp"), (.delete, "Del"),
        (.function(1), "F1"), (.function(12), "F12"), (.resize, "Resize"), (.character("\u{1b}"), #"\e"#),
    ])
    func displayNames(key: Key, name: String) {
        #expect(key.displayName == name)
    }

    @Test func ctrlKeysIgnoreLetterCaseOnceNormalized() {
        #expect(Key.ctrl("R").normalized == Key.ctrl("r"))
        #expect(Key.character("R").normalized != Key.character("r"))
        #expect(Key.up.normalized == .up)
    }
}
