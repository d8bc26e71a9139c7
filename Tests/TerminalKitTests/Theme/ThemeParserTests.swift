import Testing
@testable import TerminalKit

@Suite struct ThemeParserTests {
    @Test func parsesColoursBackgroundsAndAttributes() throws {
        let theme = try Theme.parse("""
            # comment
            text      = default
            title     = bright-white bold   # trailing comment
            selection = black on cyan
            header    = 244 on 17 bold underline
            banner    = reverse bold italic dim
            """, name: "test")
        #expect(theme.name == "test")
        #expect(theme.resolve(.text) == ResolvedStyle())
        #expect(theme.resolve(.title) == ResolvedStyle(foreground: .indexed(15), attributes: .bold))
        #expect(theme.resolve(.selection) == ResolvedStyle(foreground: .black, background: .cyan))
        #expect(theme.resolve(.header) == ResolvedStyle(foreground: .indexed(244), background: .indexed(17), attributes: [.bold, .underline]))
        #expect(theme.resolve(.banner) == ResolvedStyle(attributes: [.reverse, .bold, .italic, .dim]))
    }

    @Test func missingRolesFallBack() throws {
        let theme = try Theme.parse("text = white\nborder = blue\nselection = reverse\nerror = red bold", name: "partial")
        #expect(theme.resolve(.borderFocused) == theme.resolve(.border))
        #expect(theme.resolve(.selectionInactive) == ResolvedStyle(attributes: .reverse))
        #expect(theme.resolve(.statusError) == ResolvedStyle(foreground: .red, attributes: .bold))
        #expect(theme.resolve(.running) == ResolvedStyle(foreground: .white))
        #expect(theme.missingRoles.contains(.running))
        #expect(!theme.missingRoles.contains(.border))
        #expect(try Theme.parse("", name: "empty").resolve(.title) == .plain)
    }

    @Test func styleAttributesAddToTheRolesAttributes() throws {
        let theme = try Theme.parse("title = cyan underline", name: "t")
        #expect(theme.resolve(Style(.title, .bold)) == ResolvedStyle(foreground: .cyan, attributes: [.underline, .bold]))
    }

    @Test func commentsMayFollowAStyleWithoutSpaces() throws {
        #expect(try Theme.parse("text = red#comment", name: "t").resolve(.text) == ResolvedStyle(foreground: .red))
        #expect(try Theme.parse("text = red #comment", name: "t").resolve(.text) == ResolvedStyle(foreground: .red))
    }

    @Test func windowsLineEndingsAndBlankLines() throws {
        let theme = try Theme.parse("text = green\r\n\r\n  \r\nmuted = dim\r\n", name: "crlf")
        #expect(theme.resolve(.muted) == ResolvedStyle(attributes: .dim))
        #expect(theme.styles.count == 2)
    }

    @Test(arguments: [
        ("text = default\nboarder = red", "bad.theme:2: unknown role 'boarder' (did you mean 'border'?)"),
        ("textx = red", "bad.theme:1: unknown role 'textx' (did you mean 'text'?)"),
        ("gauge = red", "bad.theme:1: unknown role 'gauge' (the roles are listed in themes/dark.theme)"),
        ("text = red\n\ntext = blue", "bad.theme:3: role 'text' is already defined on line 1 (keep one of them)"),
        ("text red", "bad.theme:1: expected 'role = style', found 'text red'"),
        ("text =   # nothing", "bad.theme:1: role 'text' has no style (write a colour, 'on <colour>' or an attribute)"),
        ("text = bule", "bad.theme:1: unknown colour or attribute 'bule' (did you mean 'blue'?)"),
        ("text = bright-bule", "bad.theme:1: unknown colour or attribute 'bright-bule' (did you mean 'bright-blue'?)"),
        ("text = #ff0000", "bad.theme:1: RGB colour '#ff0000' is not supported (use a colour name or a palette index 0-255)"),
        ("text = red on #abc # comment", "bad.theme:1: RGB colour '#abc' is not supported (use a colour name or a palette index 0-255)"),
        ("text = sparkly", "bad.theme:1: unknown colour or attribute 'sparkly' (use default, a colour name, bright-<name>, 0-255, or bold dim italic underline reverse)"),
        ("text = 256", "bad.theme:1: colour index '256' is out of range (use 0-255)"),
        ("text = red on", "bad.theme:1: 'on' must be followed by a colour (e.g. 'on black')"),
        ("text = red blue", "bad.theme:1: second foreground colour 'blue' (write 'on blue' for a background)"),
        ("text = on red on blue", "bad.theme:1: second background colour 'blue' (give only one 'on <colour>')"),
        ("text = on bold", "bad.theme:1: 'on' must be followed by a colour (e.g. 'on black')"),
        ("text = on bule", "bad.theme:1: unknown colour or attribute 'bule' (did you mean 'blue'?)"),
    ])
    func errorsNameTheLineAndToken(text: String, message: String) {
        let error = #expect(throws: ThemeParseError.self) { try Theme.parse(text, name: "bad") }
        #expect(error?.description == message)
    }

    @Test func errorsCarryStructuredFields() {
        do {
            _ = try Theme.parse("text = red\nmuted = 300", name: "bad")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .colorOutOfRange)
            #expect(error.line == 2)
            #expect(error.token == "300")
            #expect(error.themeName == "bad")
        }
    }

    @Test func colourNamesRoundTrip() {
        for name in Color.allNames + ["16", "255"] {
            #expect(Color(name: name)?.description == name)
        }
        #expect(Color(name: "3") == .yellow)
        #expect(Color(name: "-1") == nil)
        #expect(Color(name: "١") == nil)  // Arabic-Indic digit one
    }

    @Test func withoutColorsKeepsAttributes() throws {
        let theme = try Theme.parse("title = red on blue bold", name: "t").withoutColors()
        #expect(theme.resolve(.title) == ResolvedStyle(attributes: .bold))
    }
}
