import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Issue 14 items 4, 8 and 13 under tmux: in a 10,001-job queue `G` shows the last job, a `!`
/// filter reaches it across the whole table, and `Enter` on its concurrency key in Limits lists it.
@Suite(.serialized,
       .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: gafferBinary),
                "no built binary at .build/debug/gaffer: run `swift build --product gaffer` first"))
struct ListEndsScreenTests {
    @Test func theLastJobOfTenThousandIsReachedThreeWays() async throws {
        let config = try await TestServer.freshDatabase("e2e")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        // 10,000 ImportJobs due over the last few hours, then the newest: LastOneJob, last in the list.
        try await db.execute("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class, concurrency_key)
            SELECT g, g, 'bulk', 0, jsonb_build_object('job_class', c, 'arguments', jsonb_build_array(i)),
                   now() AT TIME ZONE 'utc' - (10002 - i) * interval '1 second', now() AT TIME ZONE 'utc',
                   now() AT TIME ZONE 'utc', c, CASE WHEN i = 10001 THEN 'import-42' END
            FROM (SELECT gen_random_uuid() AS g, i, CASE WHEN i = 10001 THEN 'LastOneJob' ELSE 'ImportJob' END AS c
                  FROM generate_series(1, 10001) i) jobs
            """)
        await db.close()
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no '\(gafferBinary)' top --database-url '\(config.conninfo)' 2>/dev/null",
                       width: 120, height: 40)
        try await tmux.waitFor(text: "bulk")

        // Queues, Enter: the list counts all; G reads the last page and selects the last job.
        try await tmux.keys("2", "Enter")
        try await tmux.waitFor(text: " 100 of 10,001 ─")
        try await tmux.keys("G")
        let bottom = try await tmux.waitFor(text: "last 100 of 10,001")
        #expect(bottom.contains("LastOneJob"), "\(bottom)")

        // A `!` term is a query over the whole table: everything but the ImportJobs is one job.
        try await tmux.keys("g", "/", "!class:importjob", "Enter")
        let filtered = try await tmux.waitFor(text: "/!class:importjob · 1 of 1 ─")
        #expect(filtered.contains("LastOneJob"), "\(filtered)")

        // Limits, Enter on its concurrency key: the key's jobs.
        try await tmux.keys("Escape", "3")
        try await tmux.waitFor(text: "import-42")
        try await tmux.keys("Enter")
        try await tmux.waitFor("the key's one job") { $0.contains("concurrency key import-42") && $0.contains("LastOneJob") }
        try await tmux.keys("Escape", "q")
    }
}
