import Foundation
@testable import CursesBackend
import TerminalKit
import Testing

/// The TERM check's words before curses starts: each unusable TERM named with its fix.
extension CursesScreenTests {
    // The check itself (`CursesError.terminalProblem`, each unusable TERM and TERMINFO) is tested out of
    // process, through the binary (EndToEndTests/TerminalFallbackTests): setting TERM here raced the other
    // tests' process spawns, which read the environment meanwhile (a crash in `Process.run` on a full run).

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
