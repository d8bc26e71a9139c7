import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// The built `gaffer` binary (this test builds nothing): `.build/debug/gaffer` of this package.
let gafferBinary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../.build/debug/gaffer").standardized.path

@Suite(.serialized,
       .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: gafferBinary),
                "no built binary at .build/debug/gaffer: run `swift build --product gaffer` first"))
struct TopScreenTests {
    /// A migrated database with queued jobs in two queues and one discarded job; returns its URL and the job.
    func seededDatabase() async throws -> (ConnectionConfig, UUID) {
        let config = try await TestServer.freshDatabase("e2e")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        try await db.execute("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            SELECT g, g, q, 0, jsonb_build_object('job_class', c, 'job_id', g::text, 'arguments', '[1]'::jsonb,
                                                  'executions', 0, 'queue_name', q),
                   now() AT TIME ZONE 'utc' - interval '1 minute', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', c
            FROM (SELECT gen_random_uuid() AS g, (ARRAY['default', 'mailers'])[1 + i % 2] AS q,
                         (ARRAY['ImportJob', 'MailJob'])[1 + i % 2] AS c FROM generate_series(1, 5) i) jobs
            """)
        let discarded = UUID()
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              performed_at, finished_at, error, error_event, created_at, updated_at, job_class, executions_count)
            VALUES ($1, $1, 'default', 0, '{"job_class": "SyncJob", "arguments": [7], "executions": 1}',
                    now() AT TIME ZONE 'utc' - interval '10 minutes', now() AT TIME ZONE 'utc' - interval '9 minutes',
                    now() AT TIME ZONE 'utc' - interval '8 minutes', $2, 4,
                    now() AT TIME ZONE 'utc' - interval '10 minutes', now() AT TIME ZONE 'utc', 'SyncJob', 1)
            """, [discarded, "Net::ReadTimeout: \u{1b}[2J\u{1b}]0;pwned\u{07}"])
        await db.close()
        return (config, discarded)
    }

    func command(_ config: ConnectionConfig, _ extra: String = "") -> String {
        "env SWIFT_BACKTRACE=interactive=no '\(gafferBinary)' top --database-url '\(config.conninfo)' \(extra) 2>/dev/null"
    }

    @Test func panesDrawRetryWorksResizeAndQuitRestoreTheTerminal() async throws {
        let (config, discarded) = try await seededDatabase()
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start(command(config), width: 120, height: 40)

        let screen = try await tmux.waitFor("all six panes and the failure") { screen in
            ["Threads", "Queues", "Limits", "Failures", "Cron", "Processes", "Net::ReadTimeout"].allSatisfy(screen.contains)
        }
        #expect(screen.contains("default     2") && screen.contains("mailers     3"))
        #expect(try await tmux.alternateScreen())

        // R on the discarded failure group, confirmed with y, re-queues the job.
        try await tmux.keys("4", "R")
        try await tmux.waitFor(text: "Retry 1 discarded job of Net::ReadTimeout · SyncJob?")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "retried 1 job")
        let db = try await PostgresConnection.connect(config)
        let row = try await db.query(
            "SELECT finished_at, error_event, serialized_params->>'executions' AS executions FROM good_jobs WHERE id = $1",
            [discarded]).first
        #expect(row?["finished_at"] == nil && row?["error_event"] == "3" && row?["executions"] == "2")
        await db.close()

        // Too small, then back.
        try await tmux.resize(60, 15)
        try await tmux.waitFor(text: "terminal too small: 60×15, need 80×24")
        try await tmux.resize(120, 40)
        try await tmux.waitFor("the panes again") { $0.contains("Processes") && !$0.contains("need 80×24") }

        // q leaves curses mode: the shell line runs and the normal screen is back.
        try await tmux.keys("q")
        let after = try await tmux.waitFor(text: "EXIT=0")
        #expect(!after.contains("Processes"))
        #expect(try await tmux.alternateScreen() == false)
    }

    @Test func readOnlyRefusesActionsAndShowsTheBanner() async throws {
        let (config, discarded) = try await seededDatabase()
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start(command(config, "--read-only"), width: 120, height: 40)
        try await tmux.waitFor(text: "READ-ONLY")
        try await tmux.waitFor(text: "Net::ReadTimeout")
        try await tmux.keys("4", "R")
        try await tmux.waitFor(text: "read-only mode: actions are off")
        let db = try await PostgresConnection.connect(config)
        let finished = try await db.query("SELECT finished_at FROM good_jobs WHERE id = $1", [discarded]).first?["finished_at"]
        #expect(finished != nil)
        await db.close()
        try await tmux.keys("q")
        try await tmux.waitFor(text: "EXIT=0")
    }

    /// The refresh runs off the key path: with `good_jobs` locked, its query waits while a key still draws its effect.
    @Test func aKeyIsAnsweredWhileTheRefreshWaitsOnALock() async throws {
        let (config, _) = try await seededDatabase()
        let blocker = try await PostgresConnection.connect(config)
        try await blocker.execute("BEGIN")
        try await blocker.execute("LOCK TABLE good_jobs IN ACCESS EXCLUSIVE MODE")
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start(command(config), width: 120, height: 40)
        let observer = try await PostgresConnection.connect(config)  // outside the lock's transaction: a fresh pg_stat_activity
        func refreshWaits() async throws -> Bool {
            let rows = try await observer.query("""
                SELECT count(*) FROM pg_stat_activity WHERE application_name = 'gaffer-top' AND wait_event_type = 'Lock'
                """)
            return try rows[0].decode(0, as: Int.self) == 1
        }
        try await TestWait.until("the screen's refresh to wait on the lock", refreshWaits)
        try await tmux.keys("?")
        try await tmux.waitFor(text: "Esc closes")
        #expect(try await refreshWaits())
        try await blocker.execute("ROLLBACK")
        await blocker.close()
        await observer.close()
        try await tmux.keys("Escape")
        try await tmux.waitFor(text: "mailers     3")
        try await tmux.keys("q")
        try await tmux.waitFor(text: "EXIT=0")
    }
}
