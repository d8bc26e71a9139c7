import Foundation
import GafferTestSupport
import Postgres
import Testing

/// A role that may only read: the screen works, each action and writing command fails in one line naming the fix.
// The role has SELECT on the GoodJob tables and a checked password; `top --read-only` sends no write statement at all.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"),
       .enabled(if: TestServer.embedded != nil, "roles with checked passwords need the embedded test server"))
struct ReadOnlyRoleTests {
    static let password = "R3ad-0nly-Pw"

    /// A seeded database and a reader of it whose every statement the server logs.
    func reader() async throws -> (ScreenSeed, TestRole, url: String) {
        let seed = try await ScreenSeed.make()
        let role = try await TestRole.reader(of: seed.config, password: Self.password)
        try await role.logEveryStatement()
        return (seed, role, role.url(database: seed.config.databaseName ?? "", password: Self.password))
    }

    func topCommand(_ url: String, _ extra: String = "") throws -> String {
        "env SWIFT_BACKTRACE=interactive=no '\(try Binary.path("gaffer"))' top --database-url '\(url)' \(extra); echo EXIT=$?"
    }

    /// The server process ids of `role`'s sessions now open.
    func sessions(of role: TestRole, _ seed: ScreenSeed) async throws -> [Int32] {
        let admin = try await seed.connect()
        let rows = try await admin.query("SELECT pid FROM pg_stat_activity WHERE usename = $1", [role.name])
        await admin.close()
        return try rows.map { try $0.decode("pid", as: Int32.self) }
    }

    @Test func topShowsTheScreenAndEachActionFailsWithOneLine() async throws {
        let (seed, role, url) = try await reader()
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start(try topCommand(url), width: 200, height: 40)
        try await tmux.waitFor("the panes and the failures") { ["Queues", "Net::ReadTimeout", "mailers"].allSatisfy($0.contains) }
        let fix = "role \"\(role.name)\" lacks the privilege; use a role with write access or --read-only"

        // Failures pane: retry, then destroy, the discarded group; each asks, then fails in one line.
        for (key, verb) in [("R", "retried"), ("D", "destroyed")] {
            try await tmux.keys("4", key)
            try await tmux.waitFor(text: "y yes")
            try await tmux.keys("y")
            let screen = try await tmux.waitFor(text: "\(verb) failed: permission denied for table good_jobs: \(fix)")
            #expect(!screen.contains(Self.password))
        }
        // Queues pane: pause `default` (below the NULL-queue row "(none)", which has no name to pause).
        try await tmux.keys("2", "Down", "p")
        try await tmux.waitFor(text: "failed: permission denied for table good_job_settings: \(fix)")
        // A queue's job list: discard, then run now.
        try await tmux.keys("Enter")
        try await tmux.waitFor("the queue's jobs") { $0.contains("Jobs · queue") && $0.contains("ImportJob") }
        for (key, verb) in [("K", "discarded"), ("E", "rescheduled")] {
            try await tmux.keys(key)
            try await tmux.waitFor(text: "y yes")
            try await tmux.keys("y")
            try await tmux.waitFor(text: "\(verb) failed: permission denied for table good_jobs: \(fix)")
        }
        try await tmux.keys("Escape")
        try await tmux.waitFor("the list to close") { $0.contains("Processes") }

        // The writes were sent and refused (so the log check of the read-only test can see one).
        let entries = try ServerLog.entries(of: try await sessions(of: role, seed))
        #expect(entries.contains { $0.contains("pg_try_advisory_lock") })
        #expect(entries.contains { $0.contains("ERROR:  permission denied") })

        // The screen still refreshes, and after its session is cut, too: a new mailers job shows.
        let admin = try await seed.connect()
        try await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [role.name])
        try await admin.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, created_at,
              updated_at, job_class)
            SELECT $1, $1, queue_name, priority, serialized_params, scheduled_at, created_at, updated_at, job_class
            FROM good_jobs WHERE id = $2
            """, [UUID(), seed.mail])
        await admin.close()
        let screen = try await tmux.waitFor(text: "mailers     2")
        #expect(!screen.contains(Self.password))
        try await tmux.keys("q")
        try await tmux.waitFor(text: "EXIT=0")
    }

    @Test func topReadOnlySendsNoWriteStatement() async throws {
        let (seed, role, url) = try await reader()
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start(try topCommand(url, "--read-only"), width: 200, height: 40)
        try await tmux.waitFor("the panes and the failures") { ["READ-ONLY", "Net::ReadTimeout"].allSatisfy($0.contains) }
        let refused = "read-only mode: actions are off"
        // Each action key where it applies; the keys before it clear the status line, so each refusal is seen anew.
        for (keys, ready, action) in [(["4"], "Failures", "R"), (["4"], "Failures", "D"), (["4"], "Failures", "K"),
                                      (["2"], "Queues", "p"), (["Enter"], "ImportJob", "K"), (["Down"], "ImportJob", "E"),
                                      (["Up"], "ImportJob", "D")] {
            try await tmux.run(["send-keys", "-t", tmux.session] + keys)
            try await tmux.waitFor("the status line to clear") { !$0.contains(refused) && $0.contains(ready) }
            try await tmux.keys(action)
            try await tmux.waitFor(text: refused)
        }
        let pids = try await sessions(of: role, seed)
        try await tmux.keys("Escape", "q")
        try await tmux.waitFor(text: "EXIT=0")

        let entries = try ServerLog.entries(of: pids)
        #expect(entries.contains { $0.contains("FROM good_jobs") }, "the log shows the role's reads")
        let writes = entries.filter { entry in
            ["pg_try_advisory_lock", "BEGIN", "INSERT ", "UPDATE good_jobs", "DELETE ", "FOR UPDATE", "FOR NO KEY UPDATE", "ERROR:"]
                .contains { entry.contains($0) }
        }
        #expect(writes.isEmpty, "\(writes)")
    }

    @Test func commandsThatWriteFailWithOneLineAndReadsWork() async throws {
        let (seed, role, url) = try await reader()
        let home = ScratchHome()
        defer { home.remove() }
        let id = seed.discarded.uuidString.lowercased(), mail = seed.mail.uuidString.lowercased()
        let writes: [[String]] = [
            ["retry", id], ["retry", "--discarded", "--yes"], ["discard", mail], ["reschedule", mail], ["destroy", id],
            ["enqueue", "SomeRailsJob", "--args", "[1]"], ["pause", "--queue", "q"], ["unpause", "--label", "l"],
            ["cleanup"], ["start", "--no-tui"],
        ]
        for command in writes {
            // `start` of an app's binary: the stock one has no job types and never connects.
            let binary = command[0] == "start" ? "gaffer-example" : "gaffer"
            let result = try await Binary.run(command + ["--database-url", url], env: Binary.environment(home: home.path),
                                              binary: binary, timeout: 30)
            #expect(result.status == 1, "\(command): \(result.output)")
            #expect(result.stderrLines.count == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("permission denied for "), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("role \"\(role.name)\" lacks the privilege; use a role with write access"))
            #expect(!result.output.contains(Self.password) && !result.output.contains("Fatal error"))
        }
        // The demo refuses the seeded database before it writes (its jobs are not the demo's).
        let demo = try await Binary.run(["demo", "--no-tui", "--duration", "1", "--database-url", url],
                                        env: Binary.environment(home: home.path), timeout: 30)
        #expect(demo.status == 2 && demo.stderrLines.count == 1 && demo.stderr.contains("holds jobs the demo did not create"),
                "\(demo.output)")
        for command in [["status"], ["status", "--json"], ["cron", "list"], ["migrate"]] {
            let result = try await Binary.run(command + ["--database-url", url], env: Binary.environment(home: home.path), timeout: 30)
            #expect(result.status == 0, "\(command): \(result.output)")
            #expect(!result.output.contains(Self.password))
        }
    }
}
