import Foundation
import GafferCore
import GafferTestSupport
import Postgres
import Testing

/// Issue 16: `cron enable|disable|run` through the built binary against a real database: output, exit
/// codes, the `good_job_settings` rows as GoodJob's dashboard writes them, and the job "enqueue now" inserts.
/// `gaffer-example` declares `welcome_admin` (WelcomeJob, 0 6 * * *); `rails_digest` exists only as a row.
@Suite("cron commands")
struct CronCommandTests {
    typealias Setup = CommandTests.Setup

    func run(_ setup: Setup, _ arguments: [String]) async throws -> Binary.Result {
        try await setup.run(["cron"] + arguments, binary: "gaffer-example")
    }

    func settings(_ setup: Setup) async throws -> [String] {
        let db = try await TestServerDatabase.connect(setup.url)
        defer { Task { await db.close() } }
        return try await db.query("SELECT key || '=' || value::text AS row FROM good_job_settings ORDER BY key")
            .map { try $0.decode("row", as: String.self) }
    }

    static func railsCronRow(_ setup: Setup) async throws {
        _ = try await setup.count("""
            WITH j AS (INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                         created_at, updated_at, finished_at, performed_at, job_class, cron_key, cron_at)
                       VALUES (gen_random_uuid(), gen_random_uuid(), 'default', 0, '{"job_class": "RailsDigestJob"}',
                               now(), now(), now(), now(), now(), 'RailsDigestJob', 'rails_digest',
                               date_trunc('second', now())) RETURNING 1)
            SELECT count(*) FROM j
            """)
    }

    @Test func enableAndDisableWriteTheSettingsAsTheDashboardDoes() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        try await Self.railsCronRow(setup)

        let off = try await run(setup, ["disable", "welcome_admin"])
        #expect(off.status == 0, "\(off.output)")
        #expect(off.stdout == "disabled cron key \"welcome_admin\": cron processes skip its fires until it is enabled; "
            + "enqueued jobs still run\n")
        #expect(try await settings(setup) == [#"cron_keys_disabled=["welcome_admin"]"#])
        let listed = try await run(setup, ["list"])
        let row = listed.stdout.split(separator: "\n").first { $0.hasPrefix("welcome_admin ") }
        #expect(row?.split(separator: " ").contains("no") == true, "\(listed.stdout)")

        let on = try await run(setup, ["enable", "welcome_admin"])
        #expect(on.status == 0 && on.stdout == "enabled cron key \"welcome_admin\": cron processes enqueue it from its next fire\n",
                "\(on.output)")
        #expect(try await settings(setup) == ["cron_keys_disabled=[]", #"cron_keys_enabled=["welcome_admin"]"#])

        // A key only the database knows (a Rails app's entry) can be switched for the whole fleet too.
        let rails = try await run(setup, ["disable", "rails_digest"])
        #expect(rails.status == 0, "\(rails.output)")
        #expect(try await settings(setup) == [#"cron_keys_disabled=["rails_digest"]"#, #"cron_keys_enabled=["welcome_admin"]"#])
    }

    @Test func runEnqueuesTheEntrysJobNowWithCronAtNow() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        _ = try await run(setup, ["disable", "welcome_admin"])
        let result = try await run(setup, ["run", "welcome_admin"])
        #expect(result.status == 0, "\(result.output)")
        let prefix = "enqueued cron key \"welcome_admin\" now: job "
        #expect(result.stdout.hasPrefix(prefix), "\(result.stdout)")
        let id = String(result.stdout.dropFirst(prefix.count)).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil, "\(id)")
        // Disabled or not, as the dashboard's button: one WelcomeJob row keyed to the entry, due now, cron_at about now.
        #expect(try await setup.count("""
            SELECT count(*) FROM good_jobs WHERE id = '\(id)' AND cron_key = 'welcome_admin' AND job_class = 'WelcomeJob'
              AND serialized_params->>'job_class' = 'WelcomeJob' AND finished_at IS NULL
              AND abs(extract(epoch FROM cron_at - (now() AT TIME ZONE 'UTC'))) < 120
              AND abs(extract(epoch FROM scheduled_at - cron_at)) < 1
            """) == 1)
        #expect(try await setup.count("SELECT count(*) FROM good_jobs") == 1)
    }

    @Test func badKeysAreOneLineNamingTheFixAndChangeNothing() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        try await Self.railsCronRow(setup)

        let typo = try await run(setup, ["enable", "welcome_admn"])
        #expect(typo.status == 1 && typo.stdout.isEmpty, "\(typo.output)")
        #expect(typo.stderr == "myapp-jobs: no cron key \"welcome_admn\": myapp-jobs declares none and no job or setting in the "
            + "database has it; did you mean \"welcome_admin\"? `myapp-jobs cron list` shows the keys\n", "\(typo.stderr)")

        let unknown = try await run(setup, ["run", "nightly_report"])
        #expect(unknown.status == 1 && unknown.stderrLines.count == 1, "\(unknown.output)")
        #expect(unknown.stderr.hasPrefix("myapp-jobs: no cron key \"nightly_report\": ") && !unknown.stderr.contains("did you mean"))

        let foreign = try await run(setup, ["run", "rails_digest"])
        #expect(foreign.status == 1, "\(foreign.output)")
        #expect(foreign.stderr == "myapp-jobs: cron key \"rails_digest\" is seen only in the database, not declared by myapp-jobs, so "
            + "myapp-jobs cannot build its job; enqueue it from the app that declares it (e.g. GoodJob's dashboard)\n")

        let empty = try await run(setup, ["disable", " "])
        #expect(empty.status == 2 && empty.stderrLines.count == 1 && empty.stderr.contains("the cron key is empty"),
                "\(empty.output)")
        let missing = try await run(setup, ["run"])
        #expect(missing.status == 2 && missing.stderrLines.count == 1, "\(missing.output)")

        let hostile = try await run(setup, ["disable", "x\u{1b}]0;pwned\u{07}"])
        #expect(hostile.status == 1 && !hostile.stderr.contains("\u{1b}") && hostile.stderr.contains(#"x\u001b]0;pwned\u0007"#),
                "\(hostile.output)")

        #expect(try await settings(setup).isEmpty)
        #expect(try await setup.count("SELECT count(*) FROM good_jobs") == 1)
    }
}
