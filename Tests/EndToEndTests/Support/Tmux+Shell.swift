import Foundation
import Testing

/// A command typed at a shell in tmux, as a user runs it, and the terminal it leaves behind.
extension Tmux {
    /// Starts a shell of the given size and types `command` at its prompt.
    func runAtShell(_ command: String, width: Int, height: Int) async throws {
        try await startShell(width: width, height: height)
        try await waitFor(text: Self.prompt)
        try await type(command)
    }

    /// Presses `q` (and `answer` in a worker's quit menu), waits for the exit status (1 after `s`,
    /// stop now, as a forced stop; 0 otherwise) and the prompt, checks the terminal.
    func quitAndCheckTheTerminal(answer: String? = nil, clearsTheScreen: Bool = true) async throws {
        try await keys("q")
        if let answer {
            try await waitFor(text: "s stop now")
            try await keys(answer)
        }
        let status = answer == "s" ? "EXIT=1" : "EXIT=0"
        let after = try await waitFor("the shell's prompt after gaffer exits with \(status)", seconds: 30) { screen in
            screen.contains(status) && screen.split(separator: "\n").last.map(String.init) == Self.prompt
        }
        #expect(!clearsTheScreen || !after.contains("6 Processes"))
        try await expectSaneTerminal()
    }

    /// The normal screen is shown and `stty -a` at the prompt reports canonical mode with echo.
    func expectSaneTerminal() async throws {
        #expect(try await alternateScreen() == false)
        try await type("clear; stty -a")
        let stty = try await waitFor(text: "echoctl")
        let modes = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(modes.contains("icanon") && !modes.contains("-icanon"))
        #expect(modes.contains("echo") && !modes.contains("-echo"))
    }
}
