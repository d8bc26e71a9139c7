import Foundation
@testable import CursesBackend
import TerminalKit
import Testing

/// The TERM check before curses starts: each unusable TERM named with its fix, usable ones pass.
extension CursesScreenTests {
    /// Runs `body` with TERM and TERMINFO set as given (nil: unset), then puts them back.
    func withTerminal<T>(_ term: String?, terminfo: String? = nil, _ body: () throws -> T) rethrows -> T {
        let saved = (getenv("TERM").map { String(cString: $0) }, getenv("TERMINFO").map { String(cString: $0) })
        func set(_ name: String, _ value: String?) {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        set("TERM", term)
        set("TERMINFO", terminfo)
        defer {
            set("TERM", saved.0)
            set("TERMINFO", saved.1)
        }
        return try body()
    }

    @Test func theTerminalCheckNamesEachProblem() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("gaffer-no-terminfo-\(getpid())").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(withTerminal("xterm-256color") { CursesError.terminalProblem() } == nil)
        #expect(withTerminal("vt100") { CursesError.terminalProblem() } == nil)
        #expect(withTerminal("dumb") { CursesError.terminalProblem()?.code } == .cannotMoveCursor(term: "dumb"))
        #expect(withTerminal("no-such-term") { CursesError.terminalProblem()?.code }
                == .unknownTerminal(term: "no-such-term", terminfo: nil))
        #expect(withTerminal("gaffer-none", terminfo: empty) { CursesError.terminalProblem()?.code }
                == .unknownTerminal(term: "gaffer-none", terminfo: empty))
        #expect(withTerminal("") { CursesError.terminalProblem()?.code } == .noTerminalType)
        #expect(withTerminal(nil) { CursesError.terminalProblem()?.code } == .noTerminalType)
    }

    @Test(arguments: [CursesError.Code.noTerminalType, .unknownTerminal(term: "no-such-term", terminfo: "/x"),
                      .cannotMoveCursor(term: "dumb"), .noTerminal])
    func eachProblemIsOneLineWithAFix(code: CursesError.Code) {
        let text = CursesError(code).description
        #expect(!text.contains("\n") && text.hasPrefix("cannot draw the screen: "))
        #expect(text.contains("TERM") && (text.contains("; set ") || text.contains("; use ") || text.contains("; check ")))
        if case .unknownTerminal = code { #expect(text.contains("TERM=no-such-term") && text.contains("(TERMINFO=/x)")) }
        if case .cannotMoveCursor = code { #expect(text.contains("TERM=dumb")) }
    }
}
