import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// A database password (in a URL, a `key=value` string or `PGPASSWORD`) never shows in output, logs, the screen or `ps`.
// Every database command meets every way of failing (refused port, unknown host, wrong password, missing
// database, missing tables, malformed URL, a role that may only read, the server cutting the session) and
// fails in one line with the right exit code.
@Suite(.enabled(if: TestServer.embedded != nil, "roles with checked passwords need the embedded test server"))
struct PasswordLeakTests {
    static let secret = "Leak-Ch3ck-S3cret"
    /// The secret as a URL carries it.
    static let encoded = "Leak%2DCh3ck%2DS3cret"

    /// How a command meets the database.
    enum Failure: String, CaseIterable, Sendable {
        case refusedPort, unknownHost, wrongPassword, missingDatabase, missingTables, malformed, readOnlyRole
        /// The server ends the session in the middle of the command (a row policy terminates its own backend).
        case sessionCut
    }

    /// How the password is given.
    enum Form: String, CaseIterable, Sendable {
        case url, conninfo, pgpassword
    }

    /// One run: a command, a failure, and the form the password takes (rotating, so each failure meets each form).
    struct Case: Sendable, CustomTestStringConvertible {
        let command: [String]
        let failure: Failure
        let form: Form
        var testDescription: String { "\(command.joined(separator: " ")) · \(failure) · \(form)" }
    }

    static let commands = BadInputTests.databaseCommands

    static let cases: [Case] = commands.enumerated().flatMap { index, command in
        Failure.allCases.enumerated().map { failureIndex, failure in
            Case(command: command, failure: failure, form: Form.allCases[(index + failureIndex) % Form.allCases.count])
        }
    }

    /// Commands that only read, so a reader role runs them to the end.
    static let reading: Set<[String]> = [["status"], ["status", "--json"], ["cron", "list"], ["migrate"],
                                         ["retry", "--discarded", "--yes"]]

    /// Runs that end well: a reader's reads, and `migrate`, which touches no row the policy guards.
    static func succeeds(_ run: Case) -> Bool {
        (run.failure == .readOnlyRole && reading.contains(run.command)) || (run.failure == .sessionCut && run.command == ["migrate"])
    }

    /// Made once: a reader of a migrated and an empty database, and a writer of one whose rows cut sessions.
    struct Fixture: Sendable {
        let role: TestRole
        let migrated: String
        let empty: String
        let writer: TestRole
        let cutting: String

        static let shared = Task<Fixture, any Error> {
            let migrated = try await TestServer.freshDatabase("leak")
            let db = try await PostgresConnection.connect(migrated)
            try await Migrator.migrate(db)
            await db.close()
            let empty = try await TestServer.freshDatabase("leak_empty")
            let role = try await TestRole.reader(of: migrated, password: PasswordLeakTests.secret)
            let cutting = try await cuttingDatabase()
            let writer = try await TestRole.writer(of: cutting, password: PasswordLeakTests.secret)
            return Fixture(role: role, migrated: migrated.databaseName ?? "", empty: empty.databaseName ?? "",
                           writer: writer, cutting: cutting.databaseName ?? "")
        }

        /// A migrated database where a row policy on each table terminates the session that reads or writes a row.
        static func cuttingDatabase() async throws -> ConnectionConfig {
            // A row for every command to touch: the queued job `BadInputTests.someID`, a discarded job, a cron
            // run, and a pause of label `l`.
            let config = try await TestServer.freshDatabase("leak_cut")
            let db = try await PostgresConnection.connect(config)
            try await Migrator.migrate(db)
            try await db.query("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, created_at,
                  updated_at, job_class, finished_at, error, cron_key, cron_at)
                SELECT id, id, 'default', 0, '{"job_class": "ImportJob", "arguments": []}', now(), now(), now(), 'ImportJob',
                       finished, error, cron, cron_at
                FROM (VALUES ($1::uuid, NULL::timestamp, NULL, NULL, NULL::timestamp),
                             (gen_random_uuid(), now(), 'Net::ReadTimeout: x', NULL, NULL),
                             (gen_random_uuid(), now(), NULL, 'nightly_report', now())) AS jobs (id, finished, error, cron, cron_at)
                """, [UUID(uuidString: BadInputTests.someID) ?? UUID()])
            try await db.execute("""
                INSERT INTO good_job_settings (id, created_at, updated_at, key, value)
                VALUES (gen_random_uuid(), now(), now(), 'pauses', '{"queues": [], "job_classes": [], "labels": ["l"]}')
                """)
            for table in ["good_jobs", "good_job_executions", "good_job_processes", "good_job_settings", "good_job_batches"] {
                try await db.execute("""
                    ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY cut ON \(table) USING (pg_terminate_backend(pg_backend_pid()))
                      WITH CHECK (pg_terminate_backend(pg_backend_pid()))
                    """)
            }
            await db.close()
            return config
        }
    }

    /// The database setting of one run: `--database-url`, extra environment, and the text its failure must show.
    struct Target {
        let databaseURL: String
        let environment: [String: String]
        let expected: [String]
    }

    static func target(_ failure: Failure, _ form: Form, _ fixture: Fixture) -> Target {
        let role = failure == .sessionCut ? fixture.writer : fixture.role
        var environment = form == .pgpassword ? ["PGPASSWORD": secret] : [:]
        func at(_ database: String, password: String = secret) -> String {
            switch form {
            case .url: return role.url(database: database, password: password)
            case .conninfo: return role.conninfo(database: database, password: password)
            case .pgpassword:
                environment["PGPASSWORD"] = password
                return role.url(database: database, password: nil)
            }
        }
        let url: String
        var expected: [String]
        switch failure {
        case .refusedPort, .unknownHost:
            let host = failure == .refusedPort ? "127.0.0.1" : "no-such-host.invalid"
            let port = failure == .refusedPort ? 1 : 5432
            url = switch form {
            case .url: "postgresql://gaffer:\(encoded)@\(host):\(port)/nowhere"
            case .conninfo: "host=\(host) port=\(port) user=gaffer password=\(secret) dbname=nowhere"
            case .pgpassword: "postgresql://gaffer@\(host):\(port)/nowhere"
            }
            expected = [failure == .refusedPort ? "cannot connect to database \"nowhere\" on 127.0.0.1:1"
                                                : "could not translate host name \"no-such-host.invalid\""]
        case .wrongPassword:
            url = at(fixture.migrated, password: "Wrong-" + secret)
            expected = ["password authentication failed for user \"\(role.name)\"; check the password"]
        case .missingDatabase:
            url = at("gaffer_missing_db")
            expected = ["database \"gaffer_missing_db\" does not exist; create the database or correct its name"]
        case .missingTables:
            url = at(fixture.empty)
            expected = ["has no GoodJob tables", "permission denied for"]
        case .malformed:
            url = switch form {
            case .url: role.url(database: fixture.migrated, password: secret).replacingOccurrences(of: "@", with: "%zz@")
            case .conninfo: role.conninfo(database: fixture.migrated, password: nil) + " password=\(secret) \(secret)"
            case .pgpassword: "postgresql://\(role.name)@%zz/\(fixture.migrated)"
            }
            expected = ["the database URL is malformed: "]
        case .readOnlyRole:
            url = at(fixture.migrated)
            expected = ["permission denied for", "lacks the privilege; use a role with write access"]
        case .sessionCut:
            url = at(fixture.cutting)
            expected = ["lost connection to database \"\(fixture.cutting)\"", "permission denied for database"]
        }
        return Target(databaseURL: url, environment: environment, expected: expected)
    }

    /// No secret, no full URL, nothing of a crash: in the output and in every file under `home`.
    static func expectNothingLeaked(_ output: String, url: String, home: ScratchHome,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!output.contains(secret) && !output.contains(encoded), "\(output)", sourceLocation: sourceLocation)
        #expect(!output.contains(url), "\(output)", sourceLocation: sourceLocation)
        #expect(!output.contains("Fatal error") && !output.contains("Stack dump"), sourceLocation: sourceLocation)
        let files = FileManager.default.enumerator(atPath: home.path)?.compactMap { $0 as? String } ?? []
        for file in files {
            guard let text = try? String(contentsOfFile: home.path + "/" + file, encoding: .utf8) else { continue }
            #expect(!text.contains(secret) && !text.contains(encoded), "\(file)", sourceLocation: sourceLocation)
        }
    }

    /// Runs that must not overlap: `retry`, `discard`, `reschedule` and `destroy` of one job each take its
    /// advisory lock first, so beside another such run on the same database one would be refused for the
    /// lock ("locked by a running worker") before it reached the failure under test. Those that reach a
    /// database: the reader's, the one without tables, and the one that cuts sessions.
    static func oneAtATime(_ run: Case) -> Bool {
        run.failure == .sessionCut
            || (run.command.contains(BadInputTests.someID) && [.readOnlyRole, .missingTables].contains(run.failure))
    }

    @Test(arguments: cases.filter { !oneAtATime($0) })
    func everyCommandFailsInOneLineWithoutThePassword(_ run: Case) async throws {
        try await expectOneLineWithoutThePassword(run)
    }

    @Test(.serialized, arguments: cases.filter(oneAtATime))
    func aCutSessionOrAHeldJobLockFailsInOneLineWithoutThePassword(_ run: Case) async throws {
        try await expectOneLineWithoutThePassword(run)
    }

    func expectOneLineWithoutThePassword(_ run: Case) async throws {
        let fixture = try await Fixture.shared.value
        let target = Self.target(run.failure, run.form, fixture)
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(run.command + ["--database-url", target.databaseURL],
                                          env: Binary.environment(home: home.path, target.environment), timeout: 30)
        Self.expectNothingLeaked(result.output, url: target.databaseURL, home: home)
        if Self.succeeds(run) {
            #expect(result.status == 0, "\(result.stderr)")
            return
        }
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("gaffer: "), "\(result.stderr)")
        #expect(target.expected.contains { result.stderr.contains($0) }, "\(result.stderr)")
    }

    /// `--help` with a URL given, and a URL where no argument belongs: usage text, never the URL's password.
    @Test(arguments: BadInputTests.allCommands + [["top"]])
    func helpAndUsageErrorsWithAURLShowNoPassword(command: [String]) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let url = "postgresql://gaffer:\(Self.encoded)@db.example/app"
        let help = try await Binary.run(command + ["--help", "--database-url", url], env: Binary.environment(home: home.path))
        #expect(help.status == 0, "\(help.stderr)")
        Self.expectNothingLeaked(help.output, url: url, home: home)
        let stray = try await Binary.run(command + ["--database-url=\(url)", url], env: Binary.environment(home: home.path))
        #expect(stray.status == 2 && stray.stderrLines.count == 1, "\(stray.stderr)")
        Self.expectNothingLeaked(stray.output, url: url, home: home)
    }

    /// `gaffer top` needs a terminal before it meets the database: each failure and form under tmux.
    @Test(.enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
    func topFailsInOneLineWithoutThePassword() async throws {
        let fixture = try await Fixture.shared.value
        let home = ScratchHome()
        defer { home.remove() }
        let gaffer = try Binary.path("gaffer")
        var lines: [String] = []
        var urls: [String] = []
        // A reader's top and a cut top show the screen and carry on (ReadOnlyRoleTests covers both).
        for failure in Failure.allCases where failure != .readOnlyRole && failure != .sessionCut {
            for form in Form.allCases {
                let target = Self.target(failure, form, fixture)
                let env = target.environment.map { "\($0.key)='\($0.value)' " }.joined()
                lines.append("env \(env)GAFFER_HOME='\(home.path)' SWIFT_BACKTRACE=interactive=no '\(gaffer)' top "
                             + "--database-url '\(target.databaseURL)'; echo EXIT=$?")
                urls.append(target.databaseURL)
            }
        }
        // The script, not the pane, holds the command lines: the pane shows only what gaffer writes.
        let script = NSTemporaryDirectory() + "gaffer-e2e-top-\(UInt32.random(in: 0...UInt32.max)).sh"
        try lines.joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        defer { unlink(script) }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start("sh '\(script)'", width: 400, height: 2 * lines.count + 8)
        try await tmux.waitFor("every top to exit") { $0.components(separatedBy: "EXIT=").count == lines.count + 2 }
        // Joined: a line wrapped at the pane's edge must not split a password past the check.
        let screen = try await tmux.run(["capture-pane", "-p", "-J", "-t", tmux.session])
        #expect(screen.components(separatedBy: "EXIT=1").count == lines.count + 1, "\(screen)")
        #expect(screen.components(separatedBy: "gaffer: ").count == lines.count + 1, "\(screen)")
        for url in urls {
            Self.expectNothingLeaked(screen, url: url, home: home)
        }
    }

    /// `ps` shows `gaffer start`'s arguments with the password masked; sessions cut by the server come back.
    @Test func startHidesThePasswordFromPsAndLogsNoneWhenItsSessionsAreCut() async throws {
        let config = try await TestServer.freshDatabase("leak_start")
        let admin = try await PostgresConnection.connect(config)
        try await Migrator.migrate(admin)
        let role = try await TestRole.writer(of: config, password: Self.secret)
        let url = role.url(database: config.databaseName ?? "", password: Self.secret)
        let home = ScratchHome()
        defer { home.remove() }
        let worker = try Binary.start(["start", "--no-tui", "--queues", "nothing_here", "--poll-interval", "1",
                                       "--database-url", url], env: Binary.environment(home: home.path), binary: "gaffer-example")
        defer { if worker.process.isRunning { worker.signal(SIGKILL) } }
        // The notifier connects last in the worker's start: cutting sessions before would fail the start itself.
        try await TestWait.until("the worker's notifier session", timeout: 60) {
            try await admin.query("SELECT 1 FROM pg_stat_activity WHERE usename = $1 AND application_name = 'GoodJob::Notifier'",
                                  [role.name]).count == 1
        }
        let cmdline = try String(contentsOfFile: "/proc/\(worker.process.processIdentifier)/cmdline", encoding: .utf8)
            .replacingOccurrences(of: "\0", with: " ")
        #expect(!cmdline.contains(Self.secret) && !cmdline.contains(Self.encoded), "\(cmdline)")
        #expect(cmdline.contains("postgresql://\(role.name):****"), "\(cmdline)")

        let cut = try await admin.query(
            "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [role.name])
            .map { try $0.decode("pid", as: Int32.self) }
        #expect(!cut.isEmpty)
        let reconnected: Bool
        do {
            try await TestWait.until("the pool's new session", timeout: 60) {
                try await admin.query("""
                    SELECT 1 FROM pg_stat_activity
                    WHERE usename = $1 AND application_name = 'gaffer-pool-0' AND pid <> ALL($2::int[])
                    """, [role.name, cut.map(String.init)]).count == 1
            }
            reconnected = true
        } catch {
            reconnected = false
        }
        await admin.close()
        worker.signal(SIGTERM)
        let stopped = try await worker.wait(timeout: 60)
        #expect(reconnected, "no new session of pool 0 within 60 s; the worker said: \(stopped.stderr)")
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("lost connection to database"), "\(stopped.stderr)")
        Self.expectNothingLeaked(stopped.output, url: url, home: home)
    }
}
