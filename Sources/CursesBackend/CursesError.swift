import CNCurses
import Glibc

/// Why the screen could not start: one line naming TERM and the fix.
public struct CursesError: Error, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// TERM is unset or empty.
        case noTerminalType
        /// No terminfo entry for TERM (`TERMINFO` is named when it is set).
        case unknownTerminal(term: String, terminfo: String?)
        /// TERM's entry has no cursor addressing (`dumb`).
        case cannotMoveCursor(term: String)
        /// ncurses refused the terminal for another reason.
        case noTerminal
    }

    public let code: Code

    init(_ code: Code) { self.code = code }

    /// What is wrong with the terminal `TERM` names (nil: the screen can run); call while no screen exists.
    public static func terminalProblem() -> CursesError? {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        switch gaffer_terminal_check() {
        case 0: return nil
        case 1: return CursesError(.noTerminalType)
        case 2: return CursesError(.unknownTerminal(term: term, terminfo: getenv("TERMINFO").map { String(cString: $0) }))
        default: return CursesError(.cannotMoveCursor(term: term))
        }
    }

    public var description: String {
        switch code {
        case .noTerminalType:
            "cannot draw the screen: TERM is not set; set it to your terminal's type, e.g. TERM=xterm-256color"
        case .unknownTerminal(let term, let terminfo):
            "cannot draw the screen: no terminfo entry for TERM=\(term)"
                + (terminfo.map { " (TERMINFO=\($0))" } ?? "")
                + "; set TERM to a known type, e.g. TERM=xterm-256color, or install its entry (package ncurses-term)"
        case .cannotMoveCursor(let term):
            "cannot draw the screen: TERM=\(term) cannot move the cursor; use a full terminal, e.g. TERM=xterm-256color"
        case .noTerminal:
            "cannot draw the screen: ncurses refused the terminal; check TERM, or run without a screen"
        }
    }
}
