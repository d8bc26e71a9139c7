import Foundation
import GafferCore
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// `status` counts each state by GoodJob's scopes (contract §2.2), as its dashboard does, while a row's
/// own badge stays its per-row status.
@Suite("dashboard-identical counts")
struct DashboardCountTests {
    /// One row per case, as GoodJob's writes leave them (contract §2.9): (queue, case, SQL column values).
    static let rows: [(queue: String, name: String, values: String)] = [
        ("a", "queued", "past, NULL, NULL, NULL, 0, NULL, NULL"),
        ("a", "scheduled", "future, NULL, NULL, NULL, 0, NULL, NULL"),
        ("a", "retried once", "future, NULL, NULL, 'RateLimitError: slow down', 1, NULL, NULL"),
        ("a", "retried twice", "future, NULL, NULL, 'RateLimitError: slow down', 2, NULL, NULL"),
        ("b", "retried three times", "future, NULL, NULL, 'RateLimitError: slow down', 3, NULL, NULL"),
        ("b", "discarded after retries", "past, past, past, 'RateLimitError: slow down', 3, NULL, NULL"),
        ("b", "succeeded", "past, past, past, NULL, 1, NULL, NULL"),
        ("b", "running", "past, past, NULL, NULL, 1, NULL, NULL"),
        ("b", "running a retry", "past, past, NULL, 'RateLimitError: slow down', 2, NULL, NULL"),
        ("a", "cron enqueue-now", "justNow, NULL, NULL, NULL, 0, 'nightly', justNow"),
        ("a", "cron scheduled", "future, NULL, NULL, NULL, 0, 'nightly', future"),
        ("b", "interrupted, queued again", "past, NULL, NULL, 'GoodJob::InterruptedError: Interrupted', 1, NULL, NULL"),
    ]

    static func insert(_ db: PostgresConnection) async throws {
        for row in rows {
            // values: scheduled_at, performed_at, finished_at, error, executions, cron_key, cron_at
            let values = row.values
                .replacingOccurrences(of: "future", with: "now() AT TIME ZONE 'utc' + interval '1 hour'")
                .replacingOccurrences(of: "past", with: "now() AT TIME ZONE 'utc' - interval '1 hour'")
                .replacingOccurrences(of: "justNow", with: "now() AT TIME ZONE 'utc' - interval '1 second'")
            try await db.execute("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, priority, job_class, created_at, updated_at,
                  scheduled_at, performed_at, finished_at, error, executions_count, cron_key, cron_at, serialized_params)
                SELECT g, g, '\(row.queue)', 0, 'ReportJob', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc',
                       v.s::timestamp, v.p::timestamp, v.f::timestamp, v.e::text, v.x::int, v.ck::text, v.ca::timestamp,
                       jsonb_build_object('job_class', 'ReportJob', 'job_id', g::text, 'arguments', '[]'::jsonb,
                                          'executions', v.x::int, 'queue_name', '\(row.queue)')
                FROM gen_random_uuid() g, (SELECT \(values)) AS v(s, p, f, e, x, ck, ca)
                """)
        }
        // Malformed: a future job without `executions` in its params is in neither scheduled nor retried.
        try await db.execute("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, job_class, created_at, updated_at, scheduled_at,
              serialized_params)
            SELECT g, g, 'a', 0, 'ReportJob', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc',
                   now() AT TIME ZONE 'utc' + interval '1 hour', '{"job_class": "ReportJob"}'::jsonb
            FROM gen_random_uuid() g
            """)
    }

    /// GoodJob's scopes (`GoodJob::Job.scheduled` etc.), written out by hand from the contract, per queue.
    static let scopesSQL = """
        SELECT queue_name,
          count(*) FILTER (WHERE performed_at IS NULL AND finished_at IS NULL AND scheduled_at <= now() AT TIME ZONE 'utc') AS queued,
          count(*) FILTER (WHERE finished_at IS NULL AND scheduled_at > now() AT TIME ZONE 'utc'
                             AND (serialized_params->>'executions')::int < 2) AS scheduled,
          count(*) FILTER (WHERE finished_at IS NULL AND scheduled_at > now() AT TIME ZONE 'utc'
                             AND (serialized_params->>'executions')::int > 1) AS retried,
          count(*) FILTER (WHERE performed_at IS NOT NULL AND finished_at IS NULL) AS running,
          count(*) FILTER (WHERE finished_at IS NOT NULL AND error IS NOT NULL) AS discarded
        FROM good_jobs GROUP BY queue_name ORDER BY queue_name
        """

    static let states = ["queued", "scheduled", "retried", "running", "discarded"]

    @Test func statusJSONCountsEachStateByGoodJobsScopes() async throws {
        let url = try await TestServerDatabase.fresh("counts")
        let home = ScratchHome()
        defer { home.remove() }
        let env = Binary.environment(home: home.path, ["DATABASE_URL": url])
        #expect(try await Binary.run(["migrate"], env: env).status == 0)
        let db = try await TestServerDatabase.connect(url)
        try await Self.insert(db)

        let result = try await Binary.run(["status", "--json"], env: env)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONValue.parse(result.stdout)
        let expected = try await db.query(Self.scopesSQL)
        let queues = json["queues"]?.arrayValue ?? []
        #expect(queues.count == expected.count)
        var totals = [String: Int]()
        for row in expected {
            let name = try row.decode("queue_name", as: String.self)
            let queue = queues.first { $0["name"]?.stringValue == name }
            for state in Self.states {
                let count = try row.decode(state, as: Int.self)
                totals[state, default: 0] += count
                #expect(queue?[state]?.intValue == count, "queue \(name) \(state): \(String(describing: queue))")
            }
        }
        for state in Self.states {
            #expect(json["totals"]?[state]?.intValue == totals[state], "totals \(state)")
        }
        // The quirk, spelled out: retried once is scheduled; retried twice and three times are retried;
        // the running retry is running only (its scheduled_at has passed).
        #expect(totals == ["queued": 3, "scheduled": 3, "retried": 2, "running": 2, "discarded": 1], "\(totals)")

        // The screen's list under "scheduled" holds the same rows; each shows its own badge.
        let listed = try await MonitorQueries.jobs(db, scope: JobListScope(state: .scheduled), now: Date())
        #expect(listed.count == 3)
        #expect(listed.map(\.state.rawValue).sorted() == ["retried", "scheduled", "scheduled"])
        // A failure group's retrying jobs are listed by badge: the once-retried one too.
        let retrying = try await MonitorQueries.jobs(db, scope: JobListScope(state: .retried, byBadge: true), now: Date())
        #expect(retrying.count == 3 && retrying.allSatisfy { $0.state == .retried })
        await db.close()
    }
}
