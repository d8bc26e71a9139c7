import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Issue 16 under tmux: a 10,000-job queue, filter `class:` with 3,000 matches spread over all pages, `*` then
/// `K` discards every match; the question says 3,000, a row a worker holds is skipped and reported, the
/// other 7,000 are untouched. Then `f` finds a job by the start of its id.
@Suite(.serialized,
       .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: gafferBinary),
                "no built binary at .build/debug/gaffer: run `swift build --product gaffer` first"))
struct BulkScreenTests {
    @Test func discardingEveryMatchOfAFilterFromTheScreen() async throws {
        let config = try await TestServer.freshDatabase("e2e")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        try await db.execute("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            SELECT g, g, 'bulk', 0, jsonb_build_object('job_class', c, 'arguments', jsonb_build_array(i)),
                   now() AT TIME ZONE 'utc' - interval '1 hour' + i * interval '100 milliseconds',
                   now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', c
            FROM (SELECT gen_random_uuid() AS g, i, CASE WHEN i % 10 < 3 THEN 'ExportJob' ELSE 'OtherJob' END AS c
                  FROM generate_series(1, 10000) i) jobs
            """)
        let held: UUID = try await db.query("SELECT id FROM good_jobs WHERE job_class = 'ExportJob' ORDER BY id LIMIT 1")
            .first!.decode("id")
        let worker = try await PostgresConnection.connect(config)
        try await worker.query("SELECT pg_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint)",
                               [held])

        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no '\(gafferBinary)' top --database-url '\(config.conninfo)' 2>/dev/null",
                       width: 120, height: 40)
        try await tmux.waitFor("the bulk queue") { $0.contains("Queues") && $0.contains("bulk") }
        try await tmux.keys("2", "Enter")
        try await tmux.waitFor(text: "of 10,000")
        try await tmux.keys("/")
        try await tmux.keys("class:export")
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "100 of 3,000")
        try await tmux.keys("*")
        try await tmux.waitFor(text: "all 3,000 selected")
        try await tmux.keys("K")
        let question = try await tmux.waitFor(text: "Discard all 3,000 matching queued jobs?")
        #expect(question.contains("filter: class:export"))
        try await tmux.keys("y")
        try await tmux.waitFor(text: "discarded 2,999 of 3,000 jobs; 1 skipped (1 locked by a running worker)", seconds: 60)

        func count(_ condition: String) async throws -> Int {
            try await db.query("SELECT count(*) AS n FROM good_jobs WHERE \(condition)").first!.decode("n")
        }
        #expect(try await count("job_class = 'ExportJob' AND finished_at IS NOT NULL AND error_event = 5") == 2999)
        #expect(try await count("job_class = 'OtherJob' AND finished_at IS NULL AND error IS NULL") == 7000)
        #expect(try await count("id = '\(held.uuidString.lowercased())' AND finished_at IS NULL") == 1)

        // f finds the held job by the start of its id and opens its detail.
        try await tmux.keys("Escape", "Escape", "f")
        try await tmux.keys(String(held.uuidString.lowercased().prefix(10)))
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "id \(held.uuidString.lowercased()) · queued")
        try await tmux.keys("Escape", "q")
        try await tmux.waitFor(text: "EXIT=0")
        await worker.close()
        await db.close()
    }
}
