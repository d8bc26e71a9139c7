import Foundation
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// `gaffer start` typed at a shell under tmux, against the test server on a seeded database: the six
/// panes draw, each action changes its row (checked in SQL), `P` holds claims, resizes redraw,
/// hostile database text and rows stay text, and leaving gives the shell back a sane terminal.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct StartScreenTests {
    /// Starts a shell in tmux and `gaffer start` in it; returns once all six panes show their rows.
    func startWorker(_ seed: ScreenSeed, _ tmux: Tmux, home: ScratchHome) async throws -> String {
        try await tmux.runAtShell(try seed.startCommand(home: home), width: 120, height: 40)
        return try await tmux.waitFor("all six panes with their rows") { screen in
            ["1 Threads", "2 Queues", "3 Limits", "4 Failures", "5 Cron", "6 Processes",  // pane titles
             "idle", "mailers", "import-42", "Net::ReadTimeout", "nightly_r", "1 active"].allSatisfy(screen.contains)
        }
    }

    /// Types a `/` filter and keeps it.
    func filter(_ tmux: Tmux, _ text: String) async throws {
        try await tmux.keys("/")
        try await tmux.keys("-l", text)
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "filter: \(text)")
    }

    /// Esc until no overlay and no filter is left (each Esc waited for: curses reads a quick Esc
    /// and the next key as one Alt chord).
    func clearFilter(_ tmux: Tmux) async throws {
        try await tmux.keys("Escape")
        try await tmux.waitFor("the filter to clear") { !$0.contains("filter: ") }
    }

    /// In an open detail: `G` to its end, where `note` shows, then Esc to the job list titled `list`, Esc to the panes.
    func scrollToEndAndLeave(_ tmux: Tmux, note: String, list: String) async throws {
        try await tmux.keys("G")
        try await tmux.waitFor(text: note, seconds: 10)
        try await tmux.keys("Escape")
        try await tmux.waitFor(text: list)
        try await tmux.keys("Escape")
        try await tmux.waitFor("the panes again") { $0.contains("6 Processes") && !$0.contains("Jobs · ") }
    }

    @Test func actionsPauseResizeAndQuitUnderGafferStart() async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        let db = try await seed.connect()
        let screen = try await startWorker(seed, tmux, home: home)
        #expect(screen.contains("default     3") && screen.contains("mailers     1"))

        // R on the SyncJob failure group, confirmed with y, re-queues the discarded job.
        try await filter(tmux, "class:SyncJob")
        try await tmux.keys("4", "R")
        try await tmux.waitFor(text: "Retry 1 discarded job of Net::ReadTimeout · SyncJob?")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "retried 1 job")
        let retried = try await db.query("SELECT finished_at, error_event FROM good_jobs WHERE id = $1", [seed.discarded]).first
        #expect(retried?["finished_at"] == nil && retried?["error_event"] == "3")
        try await clearFilter(tmux)

        // K on the queued MailJob, in the job list of queue mailers, discards it after y.
        try await filter(tmux, "queue:mailers")
        try await tmux.keys("2", "Enter")
        let short = String(seed.mail.uuidString.lowercased().prefix(8))
        try await tmux.waitFor(text: short)
        try await tmux.keys("K")
        try await tmux.waitFor(text: "Discard job \(short)?")
        #expect(try await db.query("SELECT finished_at FROM good_jobs WHERE id = $1", [seed.mail]).first?["finished_at"] == nil)
        try await tmux.keys("y")
        try await tmux.waitFor(text: "discarded 1 job")
        let discarded = try await db.query("SELECT finished_at, error_event FROM good_jobs WHERE id = $1", [seed.mail]).first
        #expect(discarded?["finished_at"] != nil && discarded?["error_event"] == "5")
        try await tmux.keys("Escape")
        try await tmux.waitFor("the job list to close") { !$0.contains("Jobs · queue mailers") }
        try await clearFilter(tmux)

        // P stops new claims: a job of a registered class waits while paused and runs once resumed.
        try await tmux.keys("P")
        try await tmux.waitFor(text: "PAUSED")
        try await TestWait.until("the process row to say paused", timeout: 10, every: 0.05) {
            try await db.query("SELECT 1 FROM good_job_processes WHERE state->'gaffer'->>'paused' = 'true'").count == 1
        }
        let enqueued = try await Binary.run(["enqueue", ScreenSeed.runnableClass, "--args", "[1]", "--queue", "default"],
                                            env: Binary.environment(home: home.path, ["DATABASE_URL": seed.config.conninfo]),
                                            binary: "gaffer-example")
        #expect(enqueued.status == 0)
        let job = try #require(UUID(uuidString: enqueued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        try await tmux.waitFor("the screen to count the retried and the new job") { $0.contains("default     5") }
        // Not claimed across 2.5 poll intervals (--poll-interval 1); the enqueue's NOTIFY came and went.
        let window = ContinuousClock.now + .milliseconds(2500)
        while ContinuousClock.now < window {
            let row = try await db.query("SELECT performed_at, locked_by_id FROM good_jobs WHERE id = $1", [job]).first
            #expect(row?["performed_at"] == nil && row?["locked_by_id"] == nil, "claimed while paused")
            if row?["performed_at"] != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try await tmux.keys("P")
        try await tmux.waitFor(text: "resumed the local worker")
        try await tmux.waitFor("PAUSED to go") { !$0.contains("PAUSED") }
        try await TestWait.until("the job to run after resume", timeout: 15, every: 0.05) {
            try await db.query("SELECT 1 FROM good_jobs WHERE id = $1 AND performed_at IS NOT NULL", [job]).count == 1
        }
        try await TestWait.until("the process row to say resumed", timeout: 10, every: 0.05) {
            try await db.query("SELECT 1 FROM good_job_processes WHERE state->'gaffer'->>'paused' = 'false'").count == 1
        }

        // p on a queue row pauses it for the fleet in good_job_settings.
        try await filter(tmux, "queue:default")
        try await tmux.keys("2", "p")
        try await tmux.waitFor(text: "paused queue default")
        try await tmux.waitFor(text: "default (paused)")
        let pauses = try await db.query("SELECT value->'queues' ? 'default' AS paused FROM good_job_settings WHERE key = 'pauses'")
        #expect(pauses.first?["paused"] == "t")
        try await clearFilter(tmux)

        // Resize: smaller panes, then too small for any, then back.
        try await tmux.resize(100, 30)
        try await tmux.waitFor("the panes at 100×30") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("6 Processes") && lines.contains { $0.count == 100 && $0.hasSuffix("┐") }
        }
        try await tmux.resize(60, 15)
        try await tmux.waitFor(text: "terminal too small: 60×15, need 80×24")
        try await tmux.resize(120, 40)
        try await tmux.waitFor("the panes at 120×40 again") { screen in
            !screen.contains("need 80×24") && screen.contains("6 Processes")
                && screen.split(separator: "\n").contains { $0.count == 120 && $0.hasSuffix("┐") }
        }

        try await tmux.quitAndCheckTheTerminal(answer: "s")
        await db.close()
    }

    @Test func hostileErrorAndAMegabyteBacktraceStayText() async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        let db = try await seed.connect()
        let bytes = try await db.query("""
            SELECT sum(octet_length(line)) AS bytes FROM good_job_executions, unnest(error_backtrace) AS line
            WHERE active_job_id = $1
            """, [seed.evil]).first?["bytes"]
        await db.close()
        #expect((Int(bytes ?? "") ?? 0) >= 1_000_000)

        _ = try await startWorker(seed, tmux, home: home)
        let title = try await tmux.paneTitle()
        try await filter(tmux, "class:EvilJob")
        try await tmux.keys("4", "Enter")
        try await tmux.waitFor(text: "1 of 1")
        // t: the full trace, with the hostile first line, which is not an application frame.
        try await tmux.keys("Enter", "t")
        // A bounded wait: the detail of a 1 MB backtrace opens promptly.
        let detail = try await tmux.waitFor(text: #"error: EvilError: \e[2J\e]0;pwned\a"#, seconds: 10)
        #expect(detail.contains(#"\e]2;pwned-too\a app/jobs/evil_job.rb:1 \e[31mred"#))
        // Not cleared: the header and key hints drawn before the detail are still there.
        #expect(detail.contains("gaffer · worker") && detail.contains("Esc back"))
        #expect(try await tmux.paneTitle() == title)
        #expect(!title.contains("pwned"))

        // The loaded lines scroll to their end; the screen stays responsive.
        try await scrollToEndAndLeave(tmux, note: "3802 more lines not loaded", list: "Jobs · EvilError · EvilJob")
        try await clearFilter(tmux)
        #expect(try await tmux.paneTitle() == title)

        // NULL queue_name rows sit in the Queues pane's (none) row, which sorts first; its list finds
        // them, a NULL job_class shows as (none), and each detail names what is wrong, promptly.
        try await tmux.keys("2", "Enter")
        let broken = String(seed.broken.uuidString.lowercased().prefix(8))
        let huge = String(seed.huge.uuidString.lowercased().prefix(8))
        try await tmux.waitFor("both rows in the (none) queue's list", seconds: 10) { screen in
            screen.contains("Jobs · queue (none)") && screen.contains(broken) && screen.contains(huge)
        }
        try await tmux.keys("Enter")
        let detail2 = try await tmux.waitFor(text: "serialized_params is an array, not an object: [1, 2]", seconds: 10)
        #expect(detail2.contains("Job \(broken) · (none)") && detail2.contains("queue (none)"))
        try await tmux.keys("Escape")
        try await tmux.waitFor("the list again") { !$0.contains("serialized_params is an array") }
        try await tmux.keys("Down", "Enter")
        try await tmux.waitFor(text: #"["xxxxxxxx"#, seconds: 10)
        try await scrollToEndAndLeave(tmux, note: "… \(10_000_004 - JobDetail.argumentLimit) more characters not loaded",
                                      list: "Jobs · queue (none)")

        try await tmux.quitAndCheckTheTerminal(answer: "s")
    }
}
