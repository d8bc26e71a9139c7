import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// `gaffer status --check` against a real database with staged rows: one Nagios line on stdout, exit
/// 0 ok, 1 warning, 2 critical, 3 unknown (bad input or no database), nothing on stderr.
@Suite("status --check: Nagios line and exit code")
struct StatusCheckTests {
    typealias Setup = CommandTests.Setup

    func check(_ setup: Setup, _ extra: [String] = [], status: Int32, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> String
    {
        let result = try await setup.run(["status", "--check"] + extra)
        #expect(result.status == status, "exit \(result.status): \(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.split(separator: "\n").count == 1, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    func execute(_ setup: Setup, _ sql: String, _ values: [any PostgresEncodable] = []) async throws {
        let db = try await TestServerDatabase.connect(setup.url)
        try await db.query(sql, values)
        await db.close()
    }

    @Test func okThenWarningThenCriticalAsRowsAreStaged() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let now = Date()

        #expect(try await check(setup, status: 0) == "GAFFER OK - no job waiting, 0 failed/1h, no process, no queue paused"
                + " | latency=0s;300;900;0 failures=0;50;500;0 heartbeat=0s;120;300;0 paused=0s;3600;;0")

        // A job ready for 400 s: latency warning (5 min; the readings grow while a loaded machine runs the steps,
        // so only the text around them is compared).
        let db = try await TestServerDatabase.connect(setup.url)
        try await HostileRows.insert(db, params: "{}", at: now.addingTimeInterval(-400), queue: "mailers")
        await db.close()
        let warning = try await check(setup, status: 1)
        #expect(warning.hasPrefix("GAFFER WARNING - mailers waits "), "\(warning)")
        #expect(warning.contains(" (warning at 5m) | latency="), "\(warning)")

        // A process whose heartbeat is 10 min old: critical (5 min), listed first.
        try await execute(setup, """
            INSERT INTO good_job_processes (id, created_at, updated_at, state)
            VALUES (gen_random_uuid(), $1, $1, '{"hostname": "rails-7", "pid": 311}'::jsonb)
            """, [now.addingTimeInterval(-600)])
        let critical = try await check(setup, status: 2)
        #expect(critical.hasPrefix("GAFFER CRITICAL - rails-7:311 beat "), "\(critical)")
        #expect(critical.contains(" ago (critical at 5m); mailers waits "), "\(critical)")

        // Thresholds from flags: the same rows are ok when the limits are wider.
        let relaxed = try await check(setup, ["--max-latency", "1h,2h", "--max-heartbeat-age", "off"], status: 0)
        #expect(relaxed.hasPrefix("GAFFER OK - mailers waits "), "\(relaxed)")
        #expect(relaxed.contains("s;;;0 paused="), "\(relaxed)")

        // Failures in the last hour, counted as the Failures pane counts them; a config file sets the limit.
        let db2 = try await TestServerDatabase.connect(setup.url)
        for _ in 0..<3 {
            try await HostileRows.insert(db2, params: "{}", at: now.addingTimeInterval(-120), error: "Net::ReadTimeout: slow",
                                         finishedAt: now.addingTimeInterval(-60))
        }
        await db2.close()
        try FileManager.default.createDirectory(atPath: setup.home.path, withIntermediateDirectories: true)
        let config = setup.home.path + "/check.toml"
        try "[alerts]\nmax-failures = \"2,3\"\nmax-latency = \"off\"\nmax-heartbeat-age = \"off\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let failures = try await check(setup, ["--config", config], status: 2)
        #expect(failures.hasPrefix("GAFFER CRITICAL - 3 failed/1h (critical at 3) |"), "\(failures)")
        // A flag overrides the file.
        let overridden = try await check(setup, ["--config", config, "--max-failures", "3,10"], status: 1)
        #expect(overridden.hasPrefix("GAFFER WARNING - 3 failed/1h (warning at 3) |"), "\(overridden)")

        // A queue paused two hours ago: warning (1 h), latency of the paused queue not counted.
        #expect(try await setup.run(["pause", "--queue", "mailers"]).status == 0)
        try await execute(setup, "UPDATE good_job_settings SET updated_at = $1 WHERE key = 'pauses'",
                          [now.addingTimeInterval(-7200)])
        let paused = try await check(setup, ["--max-heartbeat-age", "off", "--max-failures", "off"], status: 1)
        #expect(paused.hasPrefix("GAFFER WARNING - mailers paused ≥2h0"), "\(paused)")
        #expect(paused.contains(" (warning at 1h) | latency=0s;300;900;0"), "\(paused)")
    }

    @Test func anUnreachableDatabaseIsUnknownWithoutThePassword() async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(["status", "--check", "--database-url", BadInputTests.unreachableURL],
                                          env: Binary.environment(home: home.path))
        #expect(result.status == 3, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.hasPrefix("GAFFER UNKNOWN - cannot read the database: "), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(!result.output.contains(BadInputTests.secret))
    }

    @Test func aDatabaseWithoutGoodJobTablesIsUnknown() async throws {
        let setup = Setup(url: try await TestServerDatabase.fresh())
        defer { setup.home.remove() }
        let line = try await check(setup, status: 3)
        #expect(line.hasPrefix("GAFFER UNKNOWN - ") && line.contains("gaffer migrate"), "\(line)")
    }

    /// Bad input is UNKNOWN (3) under --check, since 2 means CRITICAL to a monitoring system; the line says the fix.
    @Test func badThresholdsAndConfigAreUnknownNamingTheFix() async throws {
        let setup = Setup(url: BadInputTests.unreachableURL)
        defer { setup.home.remove() }
        #expect(try await check(setup, ["--max-latency", "5parsecs"], status: 3) == "GAFFER UNKNOWN - --max-latency \"5parsecs\": "
                + "give a time like 90s, 5m or 1h, then optionally a comma and the critical level (e.g. 5m,15m), or off")
        #expect(try await check(setup, ["--max-failures", "15m,5m"], status: 3).hasPrefix("GAFFER UNKNOWN - --max-failures \"15m,5m\""))
        try FileManager.default.createDirectory(atPath: setup.home.path, withIntermediateDirectories: true)
        let config = setup.home.path + "/bad.toml"
        try "# alerts\n[alerts]\nmax-latency = \"5 parsecs\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let line = try await check(setup, ["--config", config], status: 3)
        #expect(line.hasPrefix("GAFFER UNKNOWN - \(config):3: max-latency = \"5 parsecs\": give a time like"), "\(line)")
    }

    /// Without --check the same bad input is a usage error: one line on stderr, exit 2, nothing started.
    @Test func theScreenCommandsRefuseBadSettingsBeforeStarting() async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let env = Binary.environment(home: home.path, ["DATABASE_URL": BadInputTests.unreachableURL])
        let flag = try await Binary.run(["demo", "--no-tui", "--max-latency", "5parsecs"], env: env)
        #expect(flag.status == 2 && flag.stderrLines == ["gaffer: --max-latency \"5parsecs\": give a time like 90s, 5m or 1h, "
                + "then optionally a comma and the critical level (e.g. 5m,15m), or off"], "\(flag.stderr)")
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        let config = home.path + "/config.toml"
        try "theme = \"dark\"\n\n[keys]\nretry = \"j\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let remap = try await Binary.run(["demo", "--no-tui", "--config", config], env: env)
        #expect(remap.status == 2, "\(remap.stderr)")
        #expect(remap.stderrLines.count == 1)
        #expect(remap.stderr.hasPrefix("gaffer: \(config):4: retry = \"j\": j would do two things: it is bound to both "), "\(remap.stderr)")
        // The default file is read too ($XDG_CONFIG_HOME/gaffer/config.toml).
        let xdg = home.path + "/xdg"
        try FileManager.default.createDirectory(atPath: xdg + "/gaffer", withIntermediateDirectories: true)
        try "interval = \"fast\"\n".write(toFile: xdg + "/gaffer/config.toml", atomically: true, encoding: .utf8)
        var xdgEnv = env
        xdgEnv["XDG_CONFIG_HOME"] = xdg
        let found = try await Binary.run(["demo", "--no-tui"], env: xdgEnv)
        #expect(found.status == 2 && found.stderrLines == ["gaffer: \(xdg)/gaffer/config.toml:1: interval = \"fast\": "
                + "give a number of seconds in 0.25…60, e.g. 2"], "\(found.stderr)")
    }
}
