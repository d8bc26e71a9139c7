import Foundation
import GafferMonitorModel
import GafferStore
import Postgres

/// The per-queue counts behind the queue gauges: one bounded query (the monitor's, on the
/// `finished_at IS NULL` partial indexes) per scrape, on a session of its own opened at the first scrape.
///
/// Scrapes wait for each other here; one that comes within `minInterval` of the last query gets its
/// result, so a client hammering `/metrics` costs the database at most one query per interval.
public actor QueueStatsSource {
    let database: ConnectionConfig
    let minInterval: Duration
    let clock: @Sendable () -> Date
    private var connection: PostgresConnection?
    private var last: (at: ContinuousClock.Instant, stats: [QueueStats])?

    /// Seconds a scrape's query may run before it fails (the probe answers 503 after its own 10 s).
    static let statementTimeout = "5s"

    public init(database: ConnectionConfig, minInterval: Duration = .seconds(1), clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.minInterval = minInterval
        self.clock = clock
    }

    /// The counts, or nil when the database cannot be read (the next scrape tries again).
    public func stats() async -> [QueueStats]? {
        if let last, ContinuousClock.now - last.at < minInterval { return last.stats }
        do {
            let db = try await session()
            let stats = try await MonitorQueries.queueStats(db, now: clock())
            last = (.now, stats)
            return stats
        } catch {
            return nil
        }
    }

    public func close() async {
        await connection?.close()
        connection = nil
    }

    private func session() async throws -> PostgresConnection {
        if let connection {
            _ = try await connection.reconnectIfLost()
            return connection
        }
        let db = try await PostgresConnection.connect(database, applicationName: "gaffer-metrics")
        try await db.execute("SET statement_timeout = '\(Self.statementTimeout)'")
        connection = db
        return db
    }
}
