import Foundation
import Testing

/// Issue 14 item 12 under tmux: after the window grew (120×40 → 200×50), leaving the screen (quit,
/// or detach from a worker) gives the shell back with no line of the last frame on it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct QuitAfterGrowTests {
    /// Frame lines, a pane title, the Leave dialog: anything of the screen left on the shell.
    static func leftovers(_ screen: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { line in
            line.contains("│") || line.contains("┌") || line.contains("└") || line.contains("Processes")
                || line.contains("Leave") || line.contains("detach:")
        }
    }

    func grow(_ tmux: Tmux) async throws {
        try await tmux.waitFor(text: "6 Processes")
        try await tmux.resize(200, 50)
        try await tmux.waitFor("the panes at 200×50") { screen in
            screen.contains("6 Processes") && screen.split(separator: "\n").contains { $0.count == 200 && $0.hasSuffix("┐") }
        }
    }

    @Test func quittingTopAfterTheWindowGrewLeavesNoLines() async throws {
        let url = try await TestServerDatabase.fresh("screen")
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        #expect(try await Binary.run(["migrate"], env: Binary.environment(home: home.path, ["DATABASE_URL": url])).status == 0)
        for _ in 1...2 {
            try? await tmux.run(["kill-session", "-t", tmux.session])
            try await tmux.runAtShell("env SWIFT_BACKTRACE=interactive=no '\(try Binary.path("gaffer"))' top "
                                      + "--database-url '\(url)' 2>/dev/null; echo EXIT=$?", width: 120, height: 40)
            try await grow(tmux)
            try await tmux.keys("q")
            let after = try await tmux.waitFor("the prompt after quitting") { screen in
                screen.contains("EXIT=0") && screen.split(separator: "\n").last.map(String.init) == Tmux.prompt
            }
            #expect(Self.leftovers(after) == [], "\(after)")
        }
    }

    @Test func detachingAfterTheWindowGrewLeavesNoLines() async throws {
        let url = try await TestServerDatabase.fresh("screen")
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        #expect(try await Binary.run(["migrate"], env: Binary.environment(home: home.path, ["DATABASE_URL": url])).status == 0)
        try await tmux.runAtShell("env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(home.path)' DATABASE_URL='\(url)' "
                                  + "'\(try Binary.path("gaffer-example"))' start --poll-interval 1; echo EXIT=$?",
                                  width: 120, height: 40)
        try await grow(tmux)
        try await tmux.keys("q")
        try await tmux.waitFor(text: "d detach")
        try await tmux.keys("d")
        let detached = try await tmux.waitFor(text: "screen closed; the worker goes on")
        #expect(Self.leftovers(detached) == [], "\(detached)")
        try await tmux.keys("C-c")
        try await tmux.waitFor("exit after Ctrl-C", seconds: 60) { $0.contains("EXIT=0") }
    }
}
