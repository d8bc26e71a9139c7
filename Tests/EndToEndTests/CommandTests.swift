import Foundation
import GafferCore
import GafferTestSupport
import Postgres
import Testing

/// The commands against a real database, through the built binary.
@Suite("commands on a database")
struct CommandTests {
    struct Setup {
        let url: String
        let home = ScratchHome()
        var env: [String: String] { Binary.environment(home: home.path, ["DATABASE_URL": url]) }

        func run(_ arguments: [String], binary: String = "gaffer") async throws -> Binary.Result {
            try await Binary.run(arguments, env: env, binary: binary)
        }

        func count(_ sql: String) async throws -> Int {
            let db = try await TestServerDatabase.connect(url)
            defer { Task { await db.close() } }
            return try await db.query(sql).first?.decode(0, as: Int.self) ?? -1
        }
    }

    static func migrated() async throws -> Setup {
        let setup = Setup(url: try await TestServerDatabase.fresh())
        let result = try await setup.run(["migrate"])
        #expect(result.status == 0, "\(result.stderr)")
        return setup
    }

    @Test func statusJSONHasExactlyTheDocumentedKeys() async throws {
        let setup = try await Self.migrated()
        defer { setup.home.remove() }
        let id = try await setup.run(["enqueue", "ManualSyncMediaCommentCounterJob", "--args", "[1]", "--in", "3600"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await setup.run(["discard", id]).status == 0)
        #expect(try await setup.run(["pause", "--queue", "bulk"]).status == 0)
        _ = try await setup.run(["enqueue", "RecalculateMediaPlanMetricJob", "--args", "[1]", "--at", "2099-01-01T00:00:00Z"])
        // A batch as Ruby's `GoodJob::Batch.enqueue(on_finish: ...)` leaves it, the discarded job in it.
        _ = try await setup.count("""
            WITH b AS (INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties,
                                                     on_finish, enqueued_at)
                       VALUES (gen_random_uuid(), now(), now(), 'nightly import', '{"_aj_symbol_keys": []}',
                               'ImportDoneJob', now()) RETURNING id)
            UPDATE good_jobs SET batch_id = (SELECT id FROM b) WHERE id = '\(id)' RETURNING 1
            """)
        // A Rails app's cron run and a job under its concurrency key: the stock binary shows the database's own.
        let db = try await TestServerDatabase.connect(setup.url)
        for (cronKey, concurrencyKey) in [("nightly_report", nil), (nil, "import-42")] as [(String?, String?)] {
            try await db.query("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                  created_at, updated_at, job_class, cron_key, cron_at, concurrency_key)
                SELECT g, g, 'default', 0, jsonb_build_object('job_class', 'ImportJob', 'executions', 0),
                       now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', 'ImportJob',
                       $1::text, CASE WHEN $1::text IS NULL THEN NULL ELSE now() AT TIME ZONE 'utc' END, $2::text
                FROM gen_random_uuid() g
                """, [cronKey, concurrencyKey])
        }
        await db.close()

        // A worker (an app's: the stock binary has no job types), so `processes` has a row; it stops on
        // SIGTERM with exit status 0.
        let worker = try Binary.start(["start", "--no-tui", "--queues", "nothing_here", "--poll-interval", "1"], env: setup.env,
                                      binary: "gaffer-example")
        try await TestWait.until("the worker's process row", timeout: 60) {
            try await setup.count("SELECT count(*) FROM good_job_processes") == 1
        }
        let result = try await setup.run(["status", "--json"])
        worker.signal(SIGTERM)
        let stopped = try await worker.wait(timeout: 60)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("SIGTERM: stopping"))
        #expect(try await setup.count("SELECT count(*) FROM good_job_processes") == 0)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        let json = try JSONValue.parse(result.stdout)
        let documented = try JSONKeys.documented()
        #expect(!documented.isEmpty)
        #expect(JSONKeys.paths(json) == documented,
                "undocumented: \(JSONKeys.paths(json).subtracting(documented).sorted()); missing: \(documented.subtracting(JSONKeys.paths(json)).sorted())")
        #expect(json["paused"]?["queues"] == .array(["bulk"]))
        #expect(json["totals"]?["scheduled"] == .int(1))
        #expect(json["failures"]?[0]?["error_class"] == .string("GoodJob::Job::DiscardJobError"))
        #expect(json["processes"]?[0]?["queues"] == .string("nothing_here:5"))
        // The database's keys, not the demo's declarations (the stock binary declares none).
        let limits = json["limits"]?.arrayValue ?? []
        #expect(limits.compactMap { $0["key"]?.stringValue } == ["import-42"])
        #expect(limits.first?["rule"] == .null && limits.first?["waiting"] == .int(1))
        #expect((json["cron"]?.arrayValue ?? []).compactMap { $0["cron_key"]?.stringValue } == ["nightly_report"])
        let batch = json["batches"]?[0]
        #expect(batch?["description"] == .string("nightly import"))
        #expect(batch?["state"] == .string("running"))
        #expect(batch?["jobs"] == .int(1) && batch?["jobs_discarded"] == .int(1))
        #expect(batch?["on_finish"] == .string("ImportDoneJob") && batch?["on_success"] == .null)
    }

    @Test func jobActionsRoundTrip() async throws {
        let setup = try await Self.migrated()
        defer { setup.home.remove() }
        let enqueued = try await setup.run(["enqueue", "SingleSocialMediaPublicationUpdaterJob", "--args",
                                            #"[12, {"force": true, "_aj_ruby2_keywords": ["force"]}]"#, "--in", "600",
                                            "--queue", "publications"])
        #expect(enqueued.status == 0 && enqueued.stderr.contains("not one of this app's job types"), "\(enqueued.stderr)")
        let id = enqueued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE id = '\(id)' AND queue_name = 'publications'") == 1)

        let rescheduled = try await setup.run(["reschedule", id, "--at", "2031-02-03 04:05"])
        #expect(rescheduled.stdout == "rescheduled 1 job\n")
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE scheduled_at = '2031-02-03 04:05:00'") == 1)

        let destroyUnfinished = try await setup.run(["destroy", id])
        #expect(destroyUnfinished.status == 1)
        #expect(destroyUnfinished.stderrLines == ["gaffer: job \(id) not destroyed: job is scheduled"])

        #expect(try await setup.run(["discard", id]).stdout == "discarded 1 job\n")
        let bulkWithoutYes = try await setup.run(["retry", "--discarded", "--class", "SingleSocialMediaPublicationUpdaterJob"])
        #expect(bulkWithoutYes.status == 2)
        #expect(bulkWithoutYes.stdout == "1 discarded job matches (class SingleSocialMediaPublicationUpdaterJob)\n")
        #expect(bulkWithoutYes.stderrLines.count == 1 && bulkWithoutYes.stderr.contains("pass --yes"))
        let bulk = try await setup.run(["retry", "--discarded", "--queue", "publications", "--yes"])
        #expect(bulk.stdout.hasSuffix("retried 1 of 1 job\n"), "\(bulk.stdout)")
        #expect(try await setup.count("""
            SELECT count(*) FROM good_jobs WHERE id = '\(id)' AND finished_at IS NULL AND error_event = 3
              AND (serialized_params->>'executions')::int = 1
            """) == 1)

        #expect(try await setup.run(["discard", id]).status == 0)
        #expect(try await setup.run(["destroy", id]).stdout == "destroyed 1 job\n")
        let gone = try await setup.run(["retry", id])
        #expect(gone.status == 1 && gone.stderrLines == ["gaffer: job \(id) not retried: no such job"])
        let foreign = try await setup.run(["enqueue", "ReportMailerJob", "--args", #"{"user_id": 7}"#, "--queue", "mailers"])
        #expect(foreign.status == 0 && foreign.stderr.contains("ReportMailerJob is not one of this app's job types"))
    }

    /// Hostile rows: status prints their names and error classes as visible escapes, one line each.
    @Test func statusShowsHostileRowsAsText() async throws {
        let setup = try await Self.migrated()
        let db = try await TestServerDatabase.connect(setup.url)
        let at = Date().addingTimeInterval(-60)
        try await HostileRows.insert(db, params: "[1, 2]", at: at, queue: nil, jobClass: nil)
        try await HostileRows.insert(db, params: nil, at: at, jobClass: "Evil\u{1b}]0;pwned\u{07}Job",
                                     error: "\u{1b}[2J\u{1b}]0;pwned\u{07}" + String(repeating: "x", count: 1_000_000),
                                     finishedAt: at)
        await db.close()
        let result = try await setup.run(["status"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(result.stdout.contains(#"Evil\e]0;pwned\aJob"#) && result.stdout.contains("(none)"))
        let failure = try #require(result.stdout.split(separator: "\n").first { $0.contains(#"\e[2J"#) })
        #expect(failure.count < 400, "\(failure.prefix(500))")
        let json = try await setup.run(["status", "--json"])
        #expect(json.status == 0 && json.stdout.utf8.count < 10_000, "\(json.stderr)")
    }

    @Test func pauseCleanupAndCronList() async throws {
        let setup = try await Self.migrated()
        defer { setup.home.remove() }
        #expect(try await setup.run(["pause", "--class", "BulkInfluencerJob"]).status == 0)
        #expect(try await setup.run(["status"]).stdout.contains("PAUSED  class BulkInfluencerJob"))
        #expect(try await setup.run(["unpause", "--class", "BulkInfluencerJob"]).stdout == "unpaused class BulkInfluencerJob\n")
        #expect(!(try await setup.run(["status"]).stdout.contains("PAUSED")))

        let cleanup = try await setup.run(["cleanup", "--before-seconds-ago", "0"])
        #expect(cleanup.status == 0 && cleanup.stdout.hasPrefix("deleted 0 job(s) and 0 execution(s) finished before "))

        // The stock binary declares no cron entries; an app's `cron list` shows its own.
        let stock = try await setup.run(["cron", "list"])
        #expect(stock.status == 0 && stock.stdout.split(separator: "\n").count == 1, "\(stock.output)")
        let cron = try await setup.run(["cron", "list"], binary: "gaffer-example")
        #expect(cron.status == 0)
        let lines = cron.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(cron.stdout)")
        #expect(lines.last?.hasPrefix("welcome_admin  0 6 * * *  WelcomeJob  yes") == true, "\(cron.stdout)")

        let withEnv = try await Binary.run(["cron", "list"], env: setup.env.merging(
            ["GOOD_JOB_CRON": #"{"welcome_admin": {"cron": "*/10 * * * *", "class": "WelcomeJob"}}"#]
        ) { _, new in new }, binary: "gaffer-example")
        #expect(withEnv.stdout.contains("welcome_admin  */10 * * * *"), "\(withEnv.stdout)")
    }

    @Test func aWorkerWithAnIdleTimeoutStopsByItself() async throws {
        let setup = try await Self.migrated()
        defer { setup.home.remove() }
        let result = try await Binary.run(["start", "--no-tui", "--poll-interval", "1"],
                                          env: setup.env.merging(["GOOD_JOB_IDLE_TIMEOUT": "1"]) { _, new in new },
                                          binary: "gaffer-example", timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("idle for 1 s; stopping"))
    }

    @Test func theLibraryUseExampleIsAWholeCommandLine() async throws {
        let setup = try await Self.migrated()
        defer { setup.home.remove() }
        let help = try await setup.run(["--help"], binary: "gaffer-example")
        #expect(help.status == 0 && help.stdout.contains("USAGE: myapp-jobs <subcommand>"))
        #expect(!help.stdout.contains("demo"))
        let bad = try await setup.run(["enqueue", "WelcomeJob", "--args", #"["seven"]"#], binary: "gaffer-example")
        #expect(bad.status == 2 && bad.stderrLines.count == 1 && bad.stderr.hasPrefix("myapp-jobs: --args do not fit WelcomeJob"))
        let good = try await setup.run(["enqueue", "WelcomeJob", "--args", "[7]"], binary: "gaffer-example")
        #expect(good.status == 0 && good.stderr.isEmpty, "\(good.stderr)")
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE job_class = 'WelcomeJob' AND queue_name = 'mailers'") == 1)
        let worked = try await Binary.run(["start", "--no-tui", "--poll-interval", "1", "--idle-timeout", "2"],
                                          env: setup.env, binary: "gaffer-example", timeout: 60)
        #expect(worked.status == 0 && worked.stderr.contains("welcome, user 7"), "\(worked.stderr)")
        #expect(try await setup.count("SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == 1)
        #expect(try await setup.run(["cron", "list"], binary: "gaffer-example").stdout.contains("welcome_admin  0 6 * * *  WelcomeJob"))
    }
}
