import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// One full refresh on a large table: measured and printed, never asserted. Opt in with
/// `GAFFER_BENCH_ROWS=1000000 swift test --filter MonitorBenchmarkTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GAFFER_BENCH_ROWS"] != nil, "set GAFFER_BENCH_ROWS to run"))
struct MonitorBenchmarkTests {
    @Test func fullRefreshOnALargeTable() async throws {
        let rows = Int(ProcessInfo.processInfo.environment["GAFFER_BENCH_ROWS"] ?? "") ?? 1_000_000
        let seed = try await Seed.make("bench")
        try await LoadSeed.fill(seed.db, rows: rows, now: Seed.now, claimableClass: "NoopJob")
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

    /// The history view's query beside the Queues pane's, explained on the same large table: the
    /// plans, buffers and times are printed for bench/RESULTS.md.
    @Test func historyCostsNoMoreThanTheQueuesPane() async throws {
        let rows = Int(ProcessInfo.processInfo.environment["GAFFER_BENCH_ROWS"] ?? "") ?? 1_000_000
        let seed = try await Seed.make("benchhist")
        try await LoadSeed.fill(seed.db, rows: rows, now: Seed.now, claimableClass: "NoopJob")
        let queries: [(String, String, [any PostgresEncodable])] = [
            ("queues pane", MonitorQueries.queueStatsSQL, MonitorQueries.queueStatsValues(now: Seed.now)),
            ("history 1 h", MonitorQueries.historySQL, MonitorQueries.historyValues(.hour, now: Seed.now)),
            ("history 24 h", MonitorQueries.historySQL, MonitorQueries.historyValues(.day, now: Seed.now)),
        ]
        for (name, sql, values) in queries {
            _ = try await seed.db.query(sql, values)  // warm the cache as a refresh loop would
            let plan = try await seed.db.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, values)
            let lines = try plan.map { try $0.decode(0, as: String.self) }
            print("=== \(name) over \(rows) rows\n" + lines.joined(separator: "\n"))
            #expect(lines.contains { $0.contains("Execution Time") })
        }
    }
}
