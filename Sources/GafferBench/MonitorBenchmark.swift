import Foundation
import GafferMonitor
import GafferTestSupport
import Postgres
import Synchronization

/// `gaffer-bench monitor`: the server's statement time per second of `gaffer top`'s refreshes on a large table.
///
/// Seeds `rows` jobs (`LoadSeed`; or reads a database `gaffer-bench seed` left, `seeded`), then for each mode
/// resets `pg_stat_statements`, runs the monitor's poller (the `MonitorPoller` `gaffer top` runs, 1 s interval,
/// no worker) for `duration` seconds and prints the statement time the server spent per wall second, per query.
/// Modes: `exact` (before estimates: exact counts, slow panes every 5 s whatever they cost), `five` (estimates,
/// failures with the other slow panes at 5 % of the time), `now` (as `gaffer top` runs now). Needs
/// `pg_stat_statements` preloaded (the private server is started with it). The window should span several
/// failures refreshes: at 1 % of the time a 1 s query runs every 100 s.
struct MonitorBenchmark {
    var rows = 1_000_000
    var duration = 60.0
    /// Unfinished rows per 100 seeded (`LoadSeed`): 24 by default, 30 for issue 17's 1 M / 300 k and 10 M / 3 M.
    var unfinishedPercent = 24
    var seeded = false
    var modes = ["exact", "now"]

    func run(_ config: ConnectionConfig) async throws {
        let db = try await PostgresConnection.connect(config)
        let seedStart = ContinuousClock.now
        if !seeded {
            try await LoadSeed.fill(db, rows: rows, now: Date(), claimableClass: NoopJob.className,
                                    unfinishedPercent: unfinishedPercent)
        }
        let unfinished = try await db.query("SELECT count(*) FROM good_jobs WHERE finished_at IS NULL")[0]
            .decode(0, as: Int.self)
        print(String(format: "seeded %d rows (%d unfinished) with ANALYZE in %.1f s", rows, unfinished,
                     seconds(ContinuousClock.now - seedStart)))
        try await db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        for mode in modes {
            switch mode {
            case "exact":
                // Every unfinished row counted at each refresh, the slow panes every 5 s whatever they cost.
                try await measure("exact (exact counts, slow panes every 5 s)", db, config, unfinished: unfinished,
                                  failuresShare: 1) { poller in
                    await poller.setExactCounts(true)
                }
            case "five":
                try await measure("five (estimates, failures with the slow panes at ≤ 5 % of the time)", db, config,
                                  unfinished: unfinished, slowPaneShare: RefreshPolicy.slowPaneShare,
                                  failuresShare: RefreshPolicy.slowPaneShare) { _ in }
            default:
                try await measure("now (estimates, slow panes ≤ \(Int(RefreshPolicy.slowPaneShare * 100)) %, failures "
                                  + "≤ \(Int(RefreshPolicy.failuresShare * 100)) % of the time)", db, config,
                                  unfinished: unfinished, slowPaneShare: RefreshPolicy.slowPaneShare,
                                  failuresShare: RefreshPolicy.failuresShare) { _ in }
            }
        }
        await db.close()
    }
}

extension MonitorBenchmark {
    /// Runs one poller for `duration` seconds and prints the server's statement time per second, per query.
    func measure(_ label: String, _ db: PostgresConnection, _ config: ConnectionConfig, unfinished: Int,
                 slowPaneShare: Double = 1, failuresShare: Double, setUp: (MonitorPoller) async -> Void) async throws {
        let monitorDB = try await PostgresConnection.connect(config)
        let poller = MonitorPoller(connection: monitorDB, interval: 1, slowPaneShare: slowPaneShare,
                                   failuresShare: failuresShare)
        await setUp(poller)
        await poller.refresh()  // warm-up: the first full refresh reads the table into the cache
        _ = try await db.query("SELECT pg_stat_statements_reset()")
        let begin = ContinuousClock.now
        let refreshes = RefreshCount()
        let polling = Task { await poller.run { _ in refreshes.add() } }
        try await Task.sleep(for: .milliseconds(Int(duration * 1000)))
        polling.cancel()
        await poller.wake()
        _ = await polling.value
        let wall = seconds(ContinuousClock.now - begin)
        let stats = try await db.query("""
            SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT LIKE '%pg_stat_statements%'
            ORDER BY total_exec_time DESC
            """)
        print(label + ":")
        var total = 0.0
        for row in stats {
            let ms = try row.decode("total_exec_time", as: Double.self)
            let calls = try row.decode("calls", as: Int.self)
            total += ms
            print(String(format: "  %8.1f ms/s  %5d calls  %7.2f ms/call  %@", ms / wall, calls, ms / Double(calls),
                         try row.decode("query", as: String.self)))
        }
        print(String(format: "monitor: %d rows (%d unfinished), %d refreshes in %.1f s: %.1f ms of statement time per second",
                     rows, unfinished, refreshes.value, wall, total / wall))
        await monitorDB.close()
    }
}

/// Refreshes delivered by the poller.
final class RefreshCount: Sendable {
    private let count = Mutex<Int>(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
