import Foundation
import GafferTestSupport
import Postgres
import Testing

/// Hundreds of resizes in seconds under `top` and `start`: right final frame, jobs still run, clean `q`.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct ResizeStormTests {
    /// Resizes per storm: `GAFFER_RESIZE_STORM` if set, else 150 under `CI=true` and 500 otherwise.
    static let count: Int = {
        if let asked = ProcessInfo.processInfo.environment["GAFFER_RESIZE_STORM"].flatMap(Int.init), asked > 0 { return asked }
        return TestRun.size(local: 500, ci: 150)
    }()

    /// The sizes the storm cycles through, from 1×1 to 200×60; none is the final size.
    static let sizes: [(Int, Int)] = [(120, 40), (20, 5), (1, 1), (80, 24), (200, 60), (79, 23), (2, 3), (100, 30),
                                      (60, 15), (81, 25), (150, 10), (5, 1)]
    static let final = (width: 97, height: 31)

    /// Sends `count` resize-window commands, one tmux client each, as fast as they go; returns the time.
    func storm(_ tmux: Tmux) async throws -> Duration {
        let clock = ContinuousClock()
        let started = clock.now
        for index in 0..<Self.count {
            let (width, height) = Self.sizes[index % Self.sizes.count]
            try await tmux.resize(width, height)
        }
        try await tmux.resize(Self.final.width, Self.final.height)
        return clock.now - started
    }

    /// Waits for a whole final-size frame: header, every body row boxed at exactly that width, status line.
    @discardableResult
    func waitForTheFinalFrame(_ tmux: Tmux, without absent: String = "too small") async throws -> String {
        let (width, height) = Self.final
        return try await tmux.waitFor("a whole \(width)×\(height) frame") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count >= height, lines[0].hasPrefix(" gaffer"), lines[height - 1].contains("? keys") else { return false }
            let body = lines[1..<(height - 2)]
            return body.allSatisfy { line in
                line.count == width && "┌│└".contains(line.first ?? " ") && "┐│┘".contains(line.last ?? " ")
            } && !screen.contains("too small") && !screen.contains(absent)
        }
    }

    /// 20×5, 5×1 and 2×2 each show the message their size allows, 1×1 passes, and the panes come back.
    func tinySizes(_ tmux: Tmux) async throws {
        try await tmux.resize(20, 5)
        try await tmux.waitFor(text: "20×5, need 80×24")
        try await tmux.waitFor(text: "terminal too small:")
        try await tmux.resize(5, 1)
        try await tmux.waitFor("80×24 alone at 5×1") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "80×24" }
        // A 1×1 terminal's only cell is its bottom-right one, which curses cannot write without
        // scrolling: nothing shows there, so 2×2 after it proves the screen lived through it.
        try await tmux.resize(1, 1)
        try await tmux.resize(2, 2)
        try await tmux.waitFor("! at 2×2 after 1×1") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "!" }
        try await tmux.resize(120, 40)
        try await tmux.waitFor("the panes again") { $0.contains("6 Processes") && !$0.contains("too small") }
    }

    @Test func topSurvivesTinySizesAndAResizeStorm() async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        try await tmux.runAtShell(try seed.command("top", home: home, redirect: "2>/dev/null"), width: 120, height: 40)
        try await tmux.waitFor(text: "Net::ReadTimeout")
        try await tinySizes(tmux)
        let took = try await storm(tmux)
        print("resize storm, gaffer top: \(Self.count) resizes in \(took)")
        try await waitForTheFinalFrame(tmux)
        // Still answering keys: help opens and closes.
        try await tmux.keys("?")
        try await tmux.waitFor(text: "Help for these keys")
        try await tmux.keys("Escape")
        try await waitForTheFinalFrame(tmux, without: "Help for these keys")
        try await tmux.quitAndCheckTheTerminal()
    }

    @Test func startKeepsRunningJobsThroughAResizeStorm() async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        let db = try await seed.connect()
        try await tmux.runAtShell(try seed.startCommand(home: home), width: 120, height: 40)
        try await tmux.waitFor(text: "6 Processes")
        try await tmux.waitFor(text: "1 active")
        // Six jobs the worker runs, due over the storm's first seconds.
        try await seed.enqueueRunnable(6, every: 300, on: db)
        let took = try await storm(tmux)
        print("resize storm, gaffer start: \(Self.count) resizes in \(took)")
        try await waitForTheFinalFrame(tmux)
        try await TestWait.until("the six jobs to run", timeout: 20, every: 0.1) {
            try await seed.performedRunnable(on: db) == 6
        }
        await db.close()
        try await tmux.quitAndCheckTheTerminal(answer: "s")
    }
}
