import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Issue 14 items 2 and 3, under tmux: `E` on a job scheduled an hour ahead wakes the co-hosted
/// worker at once (its poll interval, 300 s, is far beyond this test's waits, so only the NOTIFY or
/// the local poke can start it), and the open detail follows the job to its end without `^R`.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct DetailLiveTests {
    @Test func runNowStartsTheJobAndTheDetailFollowsIt() async throws {
        let seed = try await ScreenSeed.make()
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        let db = try await seed.connect()
        let job = UUID()
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            VALUES ($1, $1, 'reports', 0, jsonb_build_object('job_class', $2::text, 'job_id', $1::uuid::text,
                                                             'arguments', '[1]'::jsonb, 'executions', 0,
                                                             'queue_name', 'reports'),
                    now() AT TIME ZONE 'utc' + interval '1 hour', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', $2)
            """, [job, ScreenSeed.runnableClass])
        try await tmux.runAtShell(try seed.command("start --poll-interval 300 --max-threads 2", home: home, binary: "gaffer-example"),
                                  width: 120, height: 40)
        try await tmux.waitFor("the panes with queue reports") { $0.contains("6 Processes") && $0.contains("reports") }

        try await tmux.keys("/")
        try await tmux.keys("-l", "queue:reports")
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "filter: queue:reports")
        try await tmux.keys("2", "Enter")
        let short = String(job.uuidString.lowercased().prefix(8))
        try await tmux.waitFor(text: short)
        try await tmux.keys("Enter")
        let idLine = "id \(job.uuidString.lowercased()) · "
        try await tmux.waitFor(text: idLine + "scheduled")

        try await tmux.keys("E")
        try await tmux.waitFor(text: "Run job \(short) (\(ScreenSeed.runnableClass)) now?")
        try await tmux.keys("y")
        try await TestWait.until("the rescheduled job to start", timeout: 30, every: 0.1) {
            try await db.query("SELECT 1 FROM good_jobs WHERE id = $1 AND performed_at IS NOT NULL", [job]).count == 1
        }
        let moved = try await tmux.waitFor("the detail to show the job ran", seconds: 30) { screen in
            ["running", "succeeded", "retried", "discarded"].contains { screen.contains(idLine + $0) }
                && screen.contains("started ")
        }
        #expect(!moved.contains(idLine + "scheduled") && !moved.contains(idLine + "queued"))
        try await tmux.keys("Escape")
        try await tmux.waitFor(text: "Jobs · queue reports")
        try await tmux.keys("Escape")
        try await tmux.waitFor("the panes again") { !$0.contains("Jobs · ") }
        try await tmux.keys("Escape")
        try await tmux.waitFor("the filter to clear") { !$0.contains("filter: ") }
        try await tmux.quitAndCheckTheTerminal(answer: "s")
        await db.close()
    }
}
