import CNCurses
import Foundation
@testable import CursesBackend
import TerminalKit
import Testing

/// ncurses is global state: every test that touches it lives in this one serialized suite.
@Suite(.serialized) struct CursesScreenTests {
    @Test func presentsOnlyChangedCellsAndKeepsWideCharacters() throws {
        let screen = try CursesScreen(headlessWidth: 20, height: 4, theme: .builtinDark)
        defer { screen.end() }
        var buffer = CellBuffer(width: 20, height: 4)
        buffer.put("┌─ héllo 世界 ─┐", x: 0, y: 0, style: Style(.border))
        buffer.put("bold", x: 2, y: 1, style: Style(.title))
        #expect(screen.present(buffer) > 0)
        #expect(screen.rowText(0).hasPrefix("┌─ héllo 世界 ─┐"))
        #expect(screen.rowText(1).hasPrefix("  bold"))
        // The same frame again writes nothing; one changed cell writes one run.
        #expect(screen.present(buffer) == 0)
        buffer.put("X", x: 19, y: 3)
        #expect(screen.present(buffer) == 1)
        #expect(screen.rowText(3).hasSuffix("X"))
        // After invalidate, everything is sent again.
        screen.invalidate()
        #expect(screen.present(buffer) > 1)
    }

    @Test func untrustedTextNeverReachesTheTerminalRaw() throws {
        let screen = try CursesScreen(headlessWidth: 30, height: 2, theme: .builtinMono)
        defer { screen.end() }
        var buffer = CellBuffer(width: 30, height: 2)
        buffer.put("\u{1b}[2J\u{1b}]0;pwned\u{07}", x: 0, y: 0)
        screen.present(buffer)
        #expect(screen.rowText(0).hasPrefix(#"\e[2J\e]0;pwned\a"#))
    }

    @Test func aHeadlessScreenReadsKeysFromItsInputAndWritesAnXtermsBytes() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let output = "/tmp/gaffer-curses-\(getpid()).out"
        defer { unlink(output) }
        let screen = try CursesScreen(headlessWidth: 20, height: 4, theme: .builtinDark, input: "/dev/fd/\(fds[0])",
                                      output: output)
        defer { screen.end() }
        var keys: [UInt8] = Array("j\t".utf8) + [27, 79, 65]  // j, Tab, Up as an xterm in keypad mode sends it
        _ = write(fds[1], &keys, keys.count)
        #expect(screen.readKey(timeout: 5000) == .character("j"))
        #expect(screen.readKey(timeout: 5000) == .tab)
        #expect(screen.readKey(timeout: 5000) == .up)
        var buffer = CellBuffer(width: 20, height: 4)
        buffer.put("hello", x: 0, y: 0)
        screen.present(buffer)
        let written = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(written.contains("hello"))
    }
}

@Suite struct KeyDecoderTests {
    @Test func charactersControlsAndFunctionKeys() {
        #expect(KeyDecoder.key(status: OK, code: UInt32(UInt8(ascii: "R"))) == .character("R"))
        #expect(KeyDecoder.key(status: OK, code: 0x4E16) == .character("世"))
        #expect(KeyDecoder.key(status: OK, code: 18) == .ctrl("r"))
        #expect(KeyDecoder.key(status: OK, code: 9) == .tab)
        #expect(KeyDecoder.key(status: OK, code: 13) == .enter)
        #expect(KeyDecoder.key(status: OK, code: 27) == .escape)
        #expect(KeyDecoder.key(status: OK, code: 127) == .backspace)
        #expect(KeyDecoder.key(status: KEY_CODE_YES, code: UInt32(KEY_UP)) == .up)
        #expect(KeyDecoder.key(status: KEY_CODE_YES, code: UInt32(KEY_BTAB)) == .backTab)
        #expect(KeyDecoder.key(status: KEY_CODE_YES, code: UInt32(KEY_RESIZE)) == .resize)
        #expect(KeyDecoder.key(status: KEY_CODE_YES, code: UInt32(gaffer_key_f(1))) == .function(1))
        #expect(KeyDecoder.key(status: ERR, code: 0) == nil)
    }
}

@Suite struct ColorReductionTests {
    func reduce(_ color: Color, _ available: Int) -> ColorReduction.Reduced {
        ColorReduction.reduce(ResolvedStyle(foreground: color), available: available)
    }

    @Test func reducesToWhatTheTerminalHas() {
        #expect(reduce(.default, 256).foreground == nil)
        #expect(reduce(.indexed(208), 256).foreground == 208)
        #expect(reduce(.indexed(196), 16).foreground == 9)   // bright red
        #expect(reduce(.indexed(196), 8) == .init(foreground: 1, background: nil, attributes: .bold))  // red, bold
        #expect(reduce(.indexed(12), 8) == .init(foreground: 4, background: nil, attributes: .bold))   // bright blue
        #expect(reduce(.indexed(255), 16).foreground == 7)   // light gray
        #expect(reduce(.indexed(234), 16).foreground == 8)   // dark gray: grey, not black
    }

    /// Issue 14 item 6: bright black (muted text, ids, borders, the clock) was `8 % 8`, black.
    @Test func brightBlackOnEightColoursIsDimDefaultNotBlack() {
        #expect(reduce(.indexed(8), 8) == .init(foreground: nil, background: nil, attributes: .dim))
        #expect(reduce(.indexed(15), 8) == .init(foreground: nil, background: nil, attributes: .bold))
    }

    /// Every role of every shipped theme, at 256, 16 and 8 colours: the foreground drawn is never the
    /// background drawn. The terminal's own default background is taken as black for the dark themes
    /// and white for `light` (palette 7 on 8 colours, 15 otherwise).
    @Test(arguments: [256, 16, 8])
    func everyRoleOfEveryShippedThemeStaysVisible(colors: Int) {
        for theme in Theme.shipped {
            let light = theme.name == "light"
            let defaultBackground: Int16 = light ? (colors == 8 ? 7 : 15) : 0
            let defaultForeground: Int16 = light ? 0 : 7
            for role in ThemeRole.allCases {
                let reduced = ColorReduction.reduce(theme.resolve(role), available: colors)
                let foreground = reduced.foreground ?? defaultForeground
                let background = reduced.background ?? defaultBackground
                #expect(foreground != background, "\(theme.name) \(role.rawValue) at \(colors) colours: \(reduced)")
                #expect(Int(foreground) < colors && Int(background) < colors)
            }
        }
    }
}
