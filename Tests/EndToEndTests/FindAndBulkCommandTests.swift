import Foundation
import GafferCore
import GafferTestSupport
import Postgres
import Testing

/// Issue 16 on the command line: `gaffer show` by id or prefix, and the filtered bulk commands, through the
/// built binary against a real database: output, exit codes and the rows afterwards.
@Suite("find and bulk commands")
struct FindAndBulkCommandTests {
    typealias Setup = CommandTests.Setup
    static let lockKey = "('x' || substr(md5('good_jobs-' || id::text), 1, 16))::bit(64)::bigint"

    /// `count` queued jobs of `jobClass` in `queue`, due `hoursAgo` hours ago (one second apart).
    static func insert(_ db: PostgresConnection, _ count: Int, jobClass: String, queue: String, hoursAgo: Int) async throws {
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            SELECT g, g, $2, 0, jsonb_build_object('job_class', $3::text, 'arguments', jsonb_build_array(i, 'acct-' || i)),
                   now() - $4::int * interval '1 hour' - i * interval '1 second', now(), now(), $3
            FROM (SELECT gen_random_uuid() AS g, i FROM generate_series(1, $1::int) i) jobs
            """, [count, queue, jobClass, hoursAgo])
    }

    @Test func discardRetryAndDestroyEveryMatchSkippingHeldJobs() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let db = try await TestServerDatabase.connect(setup.url)
        try await Self.insert(db, 600, jobClass: "ImportJob", queue: "imports", hoursAgo: 48)
        try await Self.insert(db, 600, jobClass: "ImportJob", queue: "imports", hoursAgo: 0)
        try await Self.insert(db, 800, jobClass: "MailJob", queue: "imports", hoursAgo: 48)
        // Another session holds 5 of the old ImportJobs, as an advisory-mode worker running them does.
        let worker = try await TestServerDatabase.connect(setup.url)
        try await worker.execute("""
            SELECT pg_advisory_lock(\(Self.lockKey)) FROM (
              SELECT id FROM good_jobs WHERE job_class = 'ImportJob' AND scheduled_at < now() - interval '1 day'
              ORDER BY id LIMIT 5) held
            """)
        let before = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400))
        let filters = ["--queue", "imports", "--class", "ImportJob", "--before", before]

        // Off a terminal, without --yes: the count, then a usage error naming --yes; nothing changes.
        let dry = try await setup.run(["discard"] + filters)
        #expect(dry.status == 2, "\(dry.output)")
        #expect(dry.stdout == "600 waiting jobs match (queue imports, class ImportJob, before \(before))\n")
        #expect(dry.stderrLines.count == 1 && dry.stderr.contains("pass --yes"), "\(dry.stderr)")
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 0)

        let discarded = try await setup.run(["discard"] + filters + ["--yes"])
        #expect(discarded.status == 0, "\(discarded.output)")
        #expect(discarded.stdout.hasSuffix("discarded 595 of 600 jobs; 5 skipped (5 locked by a running worker)\n"),
                "\(discarded.stdout)")
        #expect(try await setup.count("""
            SELECT count(*) FROM good_jobs WHERE job_class = 'ImportJob' AND finished_at IS NOT NULL AND error_event = 5
              AND error = 'GoodJob::Job::DiscardJobError: Discarded through dashboard'
            """) == 595)
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE job_class = 'ImportJob' AND finished_at IS NULL") == 605)
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE job_class = 'MailJob' AND finished_at IS NULL") == 800)

        let retried = try await setup.run(["retry", "--discarded", "--class", "ImportJob", "--yes"])
        #expect(retried.stdout.hasSuffix("retried 595 of 595 jobs\n"), "\(retried.output)")
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE error_event = 3 AND finished_at IS NULL") == 595)

        #expect(try await setup.run(["discard", "--class", "MailJob", "--yes"]).status == 0)
        let destroyed = try await setup.run(["destroy", "--discarded", "--before", "now", "--search", "mail", "--yes"])
        #expect(destroyed.stdout.hasSuffix("destroyed 800 of 800 jobs\n"), "\(destroyed.output)")
        #expect(try await setup.count("SELECT count(*) FROM good_jobs") == 1200)
        await worker.close()
        await db.close()
    }

    @Test func hostileFiltersAndTimesChangeNothing() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let db = try await TestServerDatabase.connect(setup.url)
        try await Self.insert(db, 50, jobClass: "ImportJob", queue: "imports", hoursAgo: 1)
        let injection = try await setup.run(["discard", "--class", "X' OR '1'='1", "--yes"])
        #expect(injection.status == 0 && injection.stdout == "0 waiting jobs match (class X' OR '1'='1)\n", "\(injection.output)")
        let wildcard = try await setup.run(["discard", "--search", "%", "--yes"])
        #expect(wildcard.stdout == "0 waiting jobs match (text \"%\")\n", "\(wildcard.output)")
        let far = try await setup.run(["discard", "--queue", "imports", "--before", "999999-01-01"])
        #expect(far.status == 2 && far.stderrLines.count == 1, "\(far.output)")
        let huge = try await setup.run(["destroy", "--discarded", "--before", String(repeating: "9", count: 5000)])
        #expect(huge.status == 2 && huge.stderrLines.count == 1, "\(huge.output)")
        let forceMany = try await setup.run(["discard", "--force", "--queue", "imports"])
        #expect(forceMany.status == 2 && forceMany.stderr.contains("--force takes job ids"), "\(forceMany.output)")
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 50)
        await db.close()
    }

    @Test func showFindsAJobByPrefixAndRefusesBadOrAmbiguousIDs() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let db = try await TestServerDatabase.connect(setup.url)
        for id in ["abcdef01-0000-4000-8000-000000000001", "abcdef01-0000-4000-8000-000000000002",
                   "0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10"] {
            try await db.query("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                  created_at, updated_at, job_class, labels)
                VALUES ($1::uuid, $1::uuid, 'imports', 0, '{"job_class": "ImportJob", "arguments": ["acct-7\\u001b[2J"]}',
                        now(), now(), now(), 'ImportJob', ARRAY['nightly'])
                """, [id])
        }
        let shown = try await setup.run(["show", "0D8F-4B7E"])
        #expect(shown.status == 0, "\(shown.output)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10 · queued")
        #expect(lines.contains("labels: nightly") && lines.contains("arguments:"))
        #expect(lines.contains(#"  ["acct-7\u001b[2J"]"#), "\(lines)")
        #expect(!shown.stdout.contains("\u{1b}"))

        let json = try await setup.run(["show", "0d8f4b7e", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10")
        #expect(object?["state"] as? String == "queued" && object?["queue"] as? String == "imports")
        #expect(object?["labels"] as? [String] == ["nightly"] && object?["why_not_running"] is String)

        let ambiguous = try await setup.run(["show", "abcdef01"])
        #expect(ambiguous.status == 2 && ambiguous.stderrLines == [
            "gaffer: job id prefix \"abcdef01\" matches several jobs (abcdef01-0000-4000-8000-000000000001, "
                + "abcdef01-0000-4000-8000-000000000002); give more characters",
        ], "\(ambiguous.output)")
        let unknown = try await setup.run(["show", "ffff"])
        #expect(unknown.status == 1 && unknown.stderrLines == [
            "gaffer: no job id starts with \"ffff\"; `status` and the screen list ids",
        ], "\(unknown.output)")
        for bad in ["zz'; DROP TABLE good_jobs; --", String(repeating: "a", count: 10_000), "\u{1b}[2J"] {
            let refused = try await setup.run(["show", bad])
            #expect(refused.status == 2 && refused.stderrLines.count == 1 && refused.stderr.count < 200, "\(refused.output)")
            #expect(refused.stderr.contains("is not a job id or id prefix") && !refused.stderr.contains("\u{1b}"))
        }
        #expect(try await setup.count("SELECT count(*) FROM good_jobs") == 3)
        await db.close()
    }

    @Test func forceDiscardFinishesARunningJobAWorkerHolds() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let db = try await TestServerDatabase.connect(setup.url)
        let id = "6d6acc51-0000-4000-8000-000000000001"
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              performed_at, created_at, updated_at, job_class, locked_by_id, locked_at)
            VALUES ($1::uuid, $1::uuid, 'imports', 0, '{"job_class": "StuckJob", "arguments": []}', now(), now(), now(),
                    now(), 'StuckJob', gen_random_uuid(), now())
            """, [id])
        try await db.query("SELECT pg_advisory_lock(\(Self.lockKey)) FROM (SELECT $1::uuid AS id) j", [id])
        let plain = try await setup.run(["discard", id])
        #expect(plain.status == 1 && plain.stderrLines == ["gaffer: job \(id) not discarded: locked by a running worker"])
        let forced = try await setup.run(["discard", "--force", id])
        #expect(forced.status == 0 && forced.stdout == "force-discarded 1 job\n", "\(forced.output)")
        #expect(try await setup.count("""
            SELECT count(*) FROM good_jobs WHERE id = '\(id)' AND finished_at IS NOT NULL AND error_event = 5
              AND error = 'GoodJob::Job::DiscardJobError: Force discarded through dashboard'
            """) == 1)
        let again = try await setup.run(["discard", "--force", id])
        #expect(again.status == 1 && again.stderrLines == ["gaffer: job \(id) not force-discarded: job is discarded"])
        await db.close()
    }
}
