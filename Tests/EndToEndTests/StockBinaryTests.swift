import Foundation
import GafferTestSupport
import Postgres
import Testing

/// The stock `gaffer` binary never works an app's jobs: `start` has no job types, `demo` refuses a
/// database it did not fill, and `migrate` without `--apply` fails when something is missing.
@Suite("the stock binary beside an app's jobs")
struct StockBinaryTests {
    /// A migrated database holding one job of `jobClass` as Rails enqueues it, and its environment.
    static func appDatabase(jobClass: String) async throws -> (url: String, home: ScratchHome) {
        let url = try await TestServerDatabase.fresh("stock")
        let home = ScratchHome()
        #expect(try await Binary.run(["migrate"], env: Binary.environment(home: home.path, ["DATABASE_URL": url])).status == 0)
        let db = try await TestServerDatabase.connect(url)
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            SELECT g, g, 'default', 0, jsonb_build_object('job_class', $1::text, 'job_id', g::text,
                                                          'arguments', '[42]'::jsonb, 'executions', 0),
                   now() AT TIME ZONE 'utc' - interval '1 minute', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', $1::text
            FROM gen_random_uuid() g
            """, [jobClass])
        await db.close()
        return (url, home)
    }

    /// Everything a run could write: every GoodJob row as text, the demo's schema, the indexes.
    static func fingerprint(_ url: String) async throws -> [String] {
        let db = try await TestServerDatabase.connect(url)
        defer { Task { await db.close() } }
        var out: [String] = []
        for table in ["good_jobs", "good_job_executions", "good_job_processes", "good_job_settings", "good_job_batches"] {
            out += try await db.query("SELECT to_jsonb(t)::text AS r FROM \(table) t ORDER BY 1")
                .map { "\(table): " + (try $0.decode("r", as: String.self)) }
        }
        out += try await db.query("SELECT nspname FROM pg_namespace WHERE nspname = 'gaffer_demo'").map { _ in "schema gaffer_demo" }
        out += try await db.query("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'good_job%' ORDER BY 1")
            .map { "index " + (try $0.decode("indexname", as: String.self)) }
        return out
    }

    @Test func stockStartLeavesARailsAppsJobUntouched() async throws {
        let (url, home) = try await Self.appDatabase(jobClass: "SingleSocialMediaAccountUpdaterJob")
        defer { home.remove() }
        let before = try await Self.fingerprint(url)
        let result = try await Binary.run(["start", "--no-tui", "--poll-interval", "1"],
                                          env: Binary.environment(home: home.path, ["DATABASE_URL": url]), timeout: 60)
        #expect(result.status == 2, "\(result.output)")
        #expect(result.stderrLines.count == 1 && result.stderr.contains("this binary has no job types"), "\(result.stderr)")
        #expect(try await Self.fingerprint(url) == before)
    }

    @Test(arguments: ["SingleSocialMediaAccountUpdaterJob", "ReportMailerJob"])
    func demoRefusesADatabaseHoldingJobsItDidNotCreate(jobClass: String) async throws {
        let (url, home) = try await Self.appDatabase(jobClass: jobClass)
        defer { home.remove() }
        // Half migrated as well: the refusal comes before `migrate` would add the index.
        let db = try await TestServerDatabase.connect(url)
        try await db.execute("DROP INDEX index_good_jobs_on_concurrency_key_and_created_at")
        await db.close()
        let before = try await Self.fingerprint(url)
        for extra in [[], ["--reset"]] {
            let result = try await Binary.run(["demo", "--no-tui", "--duration", "1"] + extra,
                                              env: Binary.environment(home: home.path, ["DATABASE_URL": url]), timeout: 60)
            #expect(result.status == 2, "\(extra): \(result.output)")
            #expect(result.stderrLines.count == 1, "\(result.stderr)")
            #expect(result.stderr.contains("holds jobs the demo did not create (\(jobClass))"), "\(result.stderr)")
            #expect(result.stderr.contains("empty database") && result.stderr.contains("embedded default"))
            #expect(try await Self.fingerprint(url) == before, "\(extra)")
        }
    }

    @Test func migrateWithoutApplyFailsAndSaysWhatApplyWouldAdd() async throws {
        let url = try await TestServerDatabase.fresh("stock")
        let home = ScratchHome()
        defer { home.remove() }
        let env = Binary.environment(home: home.path, ["DATABASE_URL": url])
        #expect(try await Binary.run(["migrate"], env: env).status == 0)
        let db = try await TestServerDatabase.connect(url)
        try await db.execute("DROP INDEX index_good_jobs_on_concurrency_key_and_created_at")
        await db.close()
        let before = try await Self.fingerprint(url)

        let check = try await Binary.run(["migrate"], env: env)
        #expect(check.status == 1, "\(check.output)")
        #expect(check.stdout.contains("missing  index index_good_jobs_on_concurrency_key_and_created_at"))
        #expect(!check.stdout.contains("nothing to do"), "\(check.stdout)")
        #expect(check.stderrLines == ["gaffer: the schema is incomplete: `gaffer migrate --apply` would add "
            + "index index_good_jobs_on_concurrency_key_and_created_at"], "\(check.stderr)")
        #expect(try await Self.fingerprint(url) == before)

        let apply = try await Binary.run(["migrate", "--apply"], env: env)
        #expect(apply.status == 0 && apply.stdout.contains("created  index index_good_jobs_on_concurrency_key_and_created_at"),
                "\(apply.output)")
        let again = try await Binary.run(["migrate"], env: env)
        #expect(again.status == 0 && again.stdout.contains("nothing to do"), "\(again.output)")
    }
}
