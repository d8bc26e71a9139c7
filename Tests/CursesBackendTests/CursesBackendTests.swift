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
    @Test func reducesToWhatTheTerminalHas() {
        #expect(ColorReduction.index(.default, available: 256) == nil)
        #expect(ColorReduction.index(.indexed(208), available: 256) == 208)
        #expect(ColorReduction.index(.indexed(196), available: 16) == 9)   // bright red
        #expect(ColorReduction.index(.indexed(196), available: 8) == 1)    // red
        #expect(ColorReduction.index(.indexed(12), available: 8) == 4)     // bright blue → blue
        #expect(ColorReduction.index(.indexed(255), available: 16) == 7)   // light gray (238) is nearest white (229)
    }
}
