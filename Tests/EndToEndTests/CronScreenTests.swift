import Foundation
import GafferTestSupport
import Postgres
import Testing

/// Issue 16 on the screen, end to end: `gaffer-example start --enable-cron` under tmux, a mouse click
/// selects the app's cron key in the Cron pane, `e` turns it off for the fleet (the row in
/// `good_job_settings` checked), `E` enqueues it now (the job checked), Enter lists its jobs; the
/// database-only key (a Rails app's) can be turned off but not enqueued.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct CronScreenTests {
    /// The cell where `text` starts on `screen`.
    static func cell(of text: String, in screen: String) -> (x: Int, y: Int)? {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }

    /// A left click at a cell, encoded as the terminal reports it to an application that asked for
    /// mouse reports: SGR (`ESC [ < 0 ; x ; y M`) when it turned that mode on, else the X10 form.
    func click(_ tmux: Tmux, x: Int, y: Int) async throws {
        let sgr = try await tmux.run(["display-message", "-p", "-t", tmux.session, "#{mouse_sgr_flag}"]).hasPrefix("1")
        let press = sgr ? "\u{1b}[<0;\(x + 1);\(y + 1)M"
            : "\u{1b}[M" + String(UnicodeScalar(32)) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        try await tmux.keys("-l", press)
    }

    @Test func aClickSelectsACronKeyThatEThenTurnsOffAndEEnqueues() async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        let db = try await seed.connect()
        defer { Task { await db.close() } }
        try await tmux.runAtShell(try seed.command("start --poll-interval 1 --max-threads 2 --enable-cron", home: home,
                                                   binary: "gaffer-example"), width: 120, height: 40)
        let screen = try await tmux.waitFor("the Cron pane with both keys") {
            $0.contains("5 Cron") && $0.contains("nightly_r") && $0.contains("welcome_a")
        }
        // The screen asked the terminal for mouse reports (a `--no-mouse` screen would not).
        #expect(try await tmux.run(["display-message", "-p", "-t", tmux.session, "#{mouse_any_flag}"]).hasPrefix("1"))

        // A click on the app's key (the pane's second row) focuses the Cron pane and selects it.
        let at = try #require(Self.cell(of: "welcome_a", in: screen))
        try await click(tmux, x: at.x + 2, y: at.y)
        try await tmux.waitFor(text: "enqueue now")
        try await tmux.keys("e")
        try await tmux.waitFor(text: "Disable cron key welcome_admin for every cron process?")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "disabled cron key welcome_admin")
        let disabled = try await db.query("SELECT value::text AS v FROM good_job_settings WHERE key = 'cron_keys_disabled'")
        #expect(disabled.first?["v"] == #"["welcome_admin"]"#)

        // E asks (saying the key is off), y enqueues one WelcomeJob keyed to the entry, which the worker runs.
        // The question is worded from the screen's last reading, so wait for the one that shows the key off.
        try await tmux.waitFor("the Cron pane showing welcome_admin off") {
            $0.split(separator: "\n").contains { $0.contains("welcome_a") && $0.contains(" off ") }
        }
        try await tmux.keys("E")
        try await tmux.waitFor(text: "the key is off: this one run goes ahead anyway")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "enqueued cron key welcome_admin now: job ")
        try await TestWait.until("the enqueued WelcomeJob to finish", timeout: 30) {
            try await db.query("""
                SELECT 1 FROM good_jobs WHERE cron_key = 'welcome_admin' AND job_class = 'WelcomeJob'
                  AND finished_at IS NOT NULL AND error IS NULL
                """).count == 1
        }
        #expect(try await db.query("SELECT 1 FROM good_jobs WHERE cron_key = 'welcome_admin'").count == 1)

        // Enter lists the key's jobs.
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "Jobs · cron welcome_admin")
        try await tmux.keys("Escape")
        try await tmux.waitFor("the panes again") { !$0.contains("Jobs · cron") }

        // The database-only key: E is refused naming why, e turns it off for the fleet.
        try await tmux.keys("k", "E")
        try await tmux.waitFor(text: "declared by another app")
        try await tmux.keys("e")
        try await tmux.waitFor(text: "Disable cron key nightly_report for every cron process?")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "disabled cron key nightly_report")
        let both = try await db.query("SELECT value::text AS v FROM good_job_settings WHERE key = 'cron_keys_disabled'")
        #expect(both.first?["v"] == #"["welcome_admin", "nightly_report"]"#)
        try await tmux.quitAndCheckTheTerminal(answer: "w")
    }

    @Test func noMouseLeavesTheMouseToTheTerminal() async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        try await tmux.runAtShell(try seed.command("top --no-mouse", home: home), width: 120, height: 40)
        try await tmux.waitFor(text: "6 Processes")
        #expect(try await tmux.run(["display-message", "-p", "-t", tmux.session, "#{mouse_any_flag}"]).hasPrefix("0"))
        try await tmux.quitAndCheckTheTerminal()
    }
}
