import Foundation
import Testing

/// `gaffer demo` and `gaffer start` on a terminal: the monitor's screen over the co-hosted worker.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct WorkerScreenTests {
    func command(_ arguments: String, url: String, home: ScratchHome) throws -> String {
        "env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(home.path)' DATABASE_URL='\(url)' '\(try Binary.path("gaffer"))' "
            + arguments + " 2>/dev/null"
    }

    @Test func theDemoShowsItsWorkerOnTheScreenAndLeavesAfterItsDuration() async throws {
        let url = try await TestServerDatabase.fresh("screen")
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        try await tmux.start(try command("demo --duration 20", url: url, home: home), width: 140, height: 40)
        // How many threads are busy at a given moment depends on the machine's load; that the local
        // worker's slots are listed, with the demo's queues, does not.
        let screen = try await tmux.waitFor("the local worker's threads") { screen in
            screen.contains("worker ") && screen.contains("/5 busy") && screen.contains("publications")
        }
        #expect(screen.contains("Threads") && screen.contains("Queues"))
        // The limits pane shows the app's throttle (2 per second) from the local limiter's count.
        try await tmux.waitFor("the publication syncs' throttle window") { screen in
            screen.split(separator: "\n").contains {
                $0.contains("SocialMediaPublicationDai") && $0.range(of: #" [0-2]/2 "#, options: .regularExpression) != nil
            }
        }
        // The cron pane knows the worker's schedules: an exact next fire time, not an estimate. The key is
        // cut to the width its column gets, which depends on the other columns' contents.
        #expect(screen.range(of: #"publication_d\S* +(\d+[smhd])+ "#, options: .regularExpression) != nil, "\(screen)")
        let after = try await tmux.waitFor("the demo to drain and exit", seconds: 60) { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        #expect(!(try await tmux.alternateScreen()))
        #expect(FileManager.default.fileExists(atPath: home.path + "/log/demo.log"))
    }

    @Test func detachingLeavesTheWorkerRunningUntilCtrlC() async throws {
        let url = try await TestServerDatabase.fresh("screen")
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        #expect(try await Binary.run(["migrate"], env: Binary.environment(home: home.path, ["DATABASE_URL": url])).status == 0)
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(home.path)' DATABASE_URL='\(url)' '\(try Binary.path("gaffer-example"))' start --poll-interval 1",
                             width: 120, height: 40)
        try await tmux.waitFor(text: "Threads")
        try await tmux.keys("q")
        try await tmux.waitFor(text: "d detach")
        try await tmux.keys("d")
        let detached = try await tmux.waitFor(text: "screen closed; the worker goes on")
        #expect(!detached.contains("EXIT="))
        try await tmux.keys("C-c")
        let stopped = try await tmux.waitFor("exit after Ctrl-C", seconds: 60) { $0.contains("EXIT=") }
        #expect(stopped.contains("SIGINT: stopping"))
        #expect(stopped.contains("EXIT=0"))
    }
}
