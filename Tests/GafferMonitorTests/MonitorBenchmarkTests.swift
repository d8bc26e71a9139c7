import Foundation
import GafferMonitor
import GafferStore
import Postgres
import Testing

/// One full refresh on a large table: measured and printed, never asserted. Opt in with
/// `GAFFER_BENCH_ROWS=1000000 swift test --filter MonitorBenchmarkTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GAFFER_BENCH_ROWS"] != nil, "set GAFFER_BENCH_ROWS to run"))
struct MonitorBenchmarkTests {
    @Test func fullRefreshOnALargeTable() async throws {
        let rows = Int(ProcessInfo.processInfo.environment["GAFFER_BENCH_ROWS"] ?? "") ?? 1_000_000
        let seed = try await Seed.make("bench")
        // Mixed states over 20 queues: mostly succeeded, some discarded, a few thousand waiting or running.
        try await seed.db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, performed_at,
              finished_at, error, error_event, created_at, updated_at, job_class, executions_count, cron_key, cron_at)
            SELECT g, g, 'queue_' || (i % 20), 0,
                   jsonb_build_object('job_class', 'Job' || (i % 7), 'arguments', jsonb_build_array(i), 'executions', 0),
                   t, CASE WHEN i % 100 < 99 OR i % 1000 = 999 THEN t END,
                   CASE WHEN i % 100 < 99 THEN t + interval '1 second' END,
                   CASE WHEN i % 100 = 98 THEN 'Net::ReadTimeout: slow ' || i END,
                   CASE WHEN i % 100 = 98 THEN 1 END, t, t, 'Job' || (i % 7), 1,
                   CASE WHEN i % 5000 = 0 THEN 'cron_' || (i % 3) END,
                   CASE WHEN i % 5000 = 0 THEN t END
            FROM (SELECT gen_random_uuid() AS g, i, $1::timestamp - (i || ' seconds')::interval AS t
                  FROM generate_series(1, $2) i) s
            """, [Seed.now, rows])
        try await seed.db.execute("VACUUM ANALYZE good_jobs")
        let poller = MonitorPoller(connection: seed.db, interval: 1, clock: { Seed.now })
        var times: [Double] = []
        for _ in 0..<5 {
            await poller.wake(full: true)
            let snapshot = await poller.refresh()
            #expect(snapshot.refresh.error == nil)
            times.append(snapshot.refresh.queryTime)
        }
        print("monitor full refresh over \(rows) rows: " + times.map { String(format: "%.1f ms", $0 * 1000) }.joined(separator: ", "))
    }
}
