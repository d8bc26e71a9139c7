import Foundation
import GafferTestSupport
import Postgres
import Testing

/// Unusable terminals: `top` refuses in one line, `start` logs lines; NO_COLOR and vt100 draw without colour.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct TerminalFallbackTests {
    /// A TERM setting the screen cannot draw on, and what the one line must say.
    struct Unusable: Sendable, CustomTestStringConvertible {
        let environment: String
        let says: String
        var testDescription: String { environment }
    }

    /// The cases, with `terminfo` as an empty TERMINFO directory.
    static func unusable(terminfo: String) -> [Unusable] { [
        Unusable(environment: "TERM=no-such-term", says: "no terminfo entry for TERM=no-such-term; set TERM to a known type"),
        Unusable(environment: "TERM=dumb", says: "TERM=dumb cannot move the cursor; use a full terminal"),
        Unusable(environment: "TERM=gaffer-none TERMINFO=\(terminfo)",
                 says: "no terminfo entry for TERM=gaffer-none (TERMINFO=\(terminfo))"),
        Unusable(environment: "TERM=", says: "TERM is not set; set it to your terminal's type"),
    ] }

    /// Each unusable TERM in turn at one shell: one line on stderr, exit 2, terminal untouched (no database needed).
    @Test func topRefusesATerminalItCannotDraw() async throws {
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        let terminfo = home.path + "/empty-terminfo"
        try FileManager.default.createDirectory(atPath: terminfo, withIntermediateDirectories: true)
        try await tmux.startShell(width: 120, height: 40)
        try await tmux.waitFor(text: Tmux.prompt)
        for (index, case_) in Self.unusable(terminfo: terminfo).enumerated() {
            let errors = "\(home.path)/top-\(index).err"
            try await tmux.type("clear; env SWIFT_BACKTRACE=interactive=no \(case_.environment) '\(try Binary.path("gaffer"))' top "
                                + "--database-url 'postgresql:///nowhere?host=/nonexistent' 2>\(errors); echo \"case \(index): EXIT=$?\"")
            // Numbered: the screen may still show the previous case until `clear` runs.
            let screen = try await tmux.waitFor("case \(index)'s exit status") { screen in
                screen.split(separator: "\n").contains { $0.hasPrefix("case \(index): EXIT=") }
            }
            #expect(screen.split(separator: "\n").contains("case \(index): EXIT=2"), "\(case_.environment): \(screen)")
            let lines = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 1 && lines.first?.hasPrefix("gaffer: cannot draw the screen: ") == true,
                    "\(case_.environment): \(lines)")
            #expect(lines.first?.contains(case_.says) == true, "\(case_.environment): \(lines)")
        }
        try await tmux.expectSaneTerminal()
    }

    /// How `start` is run without the screen, and the line that must say why (nil: none, say nothing).
    struct Fallback: Sendable, CustomTestStringConvertible {
        let environment: String
        let redirect: String
        let says: String?
        var testDescription: String { environment.isEmpty ? "stdout \(redirect)" : environment }
    }

    @Test(arguments: [
        Fallback(environment: "TERM=no-such-term", redirect: "", says: "no terminfo entry for TERM=no-such-term"),
        Fallback(environment: "TERM=dumb", redirect: "", says: "TERM=dumb cannot move the cursor"),
        Fallback(environment: "", redirect: "> /dev/null", says: nil),
    ])
    func startFallsBackToLogLines(_ fallback: Fallback) async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        try await tmux.runAtShell(try seed.startCommand(home: home, environment: fallback.environment,
                                                        redirect: fallback.redirect), width: 250, height: 40)
        let screen = try await tmux.waitFor(text: "started: queues")
        #expect(try await tmux.alternateScreen() == false)
        if let says = fallback.says {
            #expect(screen.contains("myapp-jobs: cannot draw the screen: ") && screen.contains(says))
            #expect(screen.contains("; the worker logs lines on stderr instead"))
        } else {
            #expect(!screen.contains("cannot draw the screen"))
        }
        let db = try await seed.connect()
        try await seed.enqueueRunnable(1, on: db)
        try await TestWait.until("the worker to run the job", timeout: 15, every: 0.1) {
            try await seed.performedRunnable(on: db) == 1
        }
        await db.close()
        try await tmux.keys("C-c")
        try await tmux.waitFor(text: "EXIT=0")
        try await tmux.expectSaneTerminal()
    }

    /// The SGR parameters of every escape sequence in a `capture-pane -e`, e.g. `[1, 7]` for ESC[1;7m.
    static func sgrParameters(_ capture: String) -> [Int] {
        var parameters: [Int] = []
        var rest = Substring(capture)
        while let start = rest.range(of: "\u{1b}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !"0123456789;:".contains($0) }) else { break }
            if rest[end] == "m" { parameters += rest[..<end].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) } }
            rest = rest[end...]
        }
        return parameters
    }

    /// The SGR parameters in force where `text` starts on its line of a `capture-pane -e` (from the last reset).
    static func attributes(at text: String, in capture: String) -> [Int]? {
        guard let line = capture.split(separator: "\n").first(where: { $0.contains(text) }),
              let start = line.range(of: text) else { return nil }
        let prefix = String(line[..<start.lowerBound])
        var parameters: [Int] = []
        for sequence in prefix.components(separatedBy: "\u{1b}[").dropFirst() {
            guard let end = sequence.firstIndex(of: "m") else { continue }
            let values = sequence[..<end].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            if values.isEmpty || values.contains(0) { parameters = [] }
            parameters += values
        }
        return parameters
    }

    /// Foreground or background colour codes (30–38, 40–48, 90–97, 100–107); 39 and 49 are the defaults.
    static func isColour(_ parameter: Int) -> Bool {
        (30...38).contains(parameter) || (40...48).contains(parameter) || (90...97).contains(parameter)
            || (100...107).contains(parameter)
    }

    /// NO_COLOR and a vt100 draw no colour, an empty NO_COLOR does; the selected row is reverse in each.
    // `swift test` exports NO_COLOR=1, hence the explicit empty one. The status line is reverse too, so
    // the selected row itself is checked. A vt100 has no alternate screen: the last frame stays after `q`.
    @Test(arguments: [("NO_COLOR=1", false), ("TERM=vt100", false), ("NO_COLOR=", true)])
    func colourOnlyWhereAllowed(environment: String, coloured: Bool) async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        try await tmux.runAtShell(try seed.command("top", home: home, environment: environment, redirect: "2>/dev/null"),
                                  width: 120, height: 40)
        try await tmux.waitFor(text: "Net::ReadTimeout")
        // Focus on Queues: its first row, the NULL queue's "(none)", is selected and must show in reverse
        // video; default, below it, not.
        try await tmux.keys("2")
        let screen = try await tmux.waitFor("the selected queue row in reverse video", escapes: true) { screen in
            Self.attributes(at: "(none) ", in: screen)?.contains(7) == true
        }
        #expect(Self.attributes(at: "default ", in: screen)?.contains(7) == false)
        let parameters = Self.sgrParameters(screen)
        #expect(parameters.contains(where: Self.isColour) == coloured, "\(environment): \(Set(parameters).sorted())")
        try await tmux.quitAndCheckTheTerminal(clearsTheScreen: environment != "TERM=vt100")
    }
}
