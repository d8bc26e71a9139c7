import Foundation
import GafferEngine
import GafferMonitor
import GafferStore
import GafferTestSupport
import Postgres
import Synchronization
import Testing

@Suite("faults: the database restarts during a drain",
       .enabled(if: PrivateServer.isAvailable, "no PostgreSQL server binaries"))
struct DatabaseRestartTests {
    static let parents = 300
    /// How long the server stays down, so reconnection attempts meet a refusing socket for a while.
    static let downSeconds = 1.5

    /// When the monitor's poller delivered a snapshot, and the refresh error it carried.
    final class SnapshotLog: Sendable {
        private let log = Mutex<[(at: ContinuousClock.Instant, error: String?)]>([])
        func record(_ error: String?) { log.withLock { $0.append((.now, error)) } }
        var entries: [(at: ContinuousClock.Instant, error: String?)] { log.withLock { $0 } }
    }

    @Test func workersAndTheMonitorSurviveAFastRestart() async throws {
        guard let server = try await PrivateServer.start("restart") else { return }
        defer { server.remove() }
        let (config, db) = try await server.database()
        try await GafferClient(connection: db).enqueueAll((0..<Self.parents).map { _ in
            FaultJob(pauseMillis: Int.random(in: 10...30), children: 1)
        })

        let loggers = [CollectingLogger(), CollectingLogger()]
        let workers = loggers.map { EngineFixture.worker(config, [FaultJob.self], threads: 3, logger: $0.logger) }
        let monitorConnection = try await PostgresConnection.connect(config, applicationName: "gaffer-monitor")
        let poller = MonitorPoller(connection: monitorConnection, interval: 0.25)
        let snapshots = SnapshotLog()
        let polling = Task { await poller.run { snapshot in snapshots.record(snapshot.refresh.error) } }
        do {
            for worker in workers { try await worker.start() }
            try await drainThroughRestart(server: server, db: db, workers: workers, loggers: loggers, snapshots: snapshots)
        } catch {
            polling.cancel()
            for worker in workers { await worker.stop(timeout: 0) }
            throw error
        }
        polling.cancel()
        for worker in workers { await worker.stop(timeout: 5) }
        await monitorConnection.close()
        await db.close()
    }

    private func drainThroughRestart(server: PrivateServer, db: PostgresConnection, workers: [Worker],
                                     loggers: [CollectingLogger],
                                     snapshots: SnapshotLog) async throws {
        let finished = "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL"
        try await TestWait.until("a third of the parents finished", timeout: 60) {
            try await EngineFixture.count(db, finished) >= Self.parents / 3
        }
        let finishedBefore = try await EngineFixture.count(db, finished)
        let down = ContinuousClock.now
        try await server.stop()
        try await Task.sleep(for: .milliseconds(Int(Self.downSeconds * 1000)))  // the outage's length, not a wait for state
        try await server.start()
        let up = ContinuousClock.now
        let upDate = Date()
        try await db.reconnect()
        try await TestWait.until("the drain resumed", timeout: 30) {
            try await EngineFixture.count(db, finished) > finishedBefore
        }
        let resumed = ContinuousClock.now
        try await TestWait.until("both notifiers listening again", timeout: 30) {
            for worker in workers where !(await worker.snapshot().notifierConnected) { return false }
            return true
        }
        let listening = ContinuousClock.now
        try await TestWait.until("the monitor refreshed without error", timeout: 60) {
            snapshots.entries.contains { $0.at > up && $0.error == nil }
        }
        let monitored = ContinuousClock.now
        do {
            try await TestWait.until("every job finished", timeout: 120, every: 0.05) {
                try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0
            }
        } catch {
            // What is left, and who holds it, for the next look at a failure that only a loaded machine shows.
            let left = try await db.query("""
                SELECT id::text, locked_by_id::text AS holder, locked_at::text, performed_at::text, scheduled_at::text,
                       executions_count::text AS attempts
                FROM good_jobs WHERE finished_at IS NULL LIMIT 10
                """)
            for row in left {
                print("unfinished: \(row["id"] ?? "") holder \(row["holder"] ?? "-") locked \(row["locked_at"] ?? "-") "
                      + "performed \(row["performed_at"] ?? "-") scheduled \(row["scheduled_at"] ?? "-") attempts \(row["attempts"] ?? "-")")
            }
            for worker in workers {
                let (id, snapshot) = (await worker.processID, await worker.snapshot())
                print("worker \(id): \(snapshot)")
            }
            throw error
        }
        let lastFinished = try await db.query("SELECT max(finished_at) AS last FROM good_jobs").first?.decode("last", as: Date.self)
        let drained = String(format: "%.2f s", lastFinished?.timeIntervalSince(upDate) ?? -1)

        // Both control sessions re-registered and hold their process locks again: nobody is reaped.
        #expect(try await ProcessSQL.reap(db, now: Date()) == ProcessSQL.Reaped(processes: 0, orphanedJobs: 0))
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 2)
        let account = try await DrainAccount.read(db)
        let sessions = try await EngineFixture.count(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        let connectionsAfter = server.logSinceReady.components(separatedBy: "connection received").count - 1
        // Lines about the outage itself: each attempt's end line (it carries its job's id) is the job's news.
        let outageLines = loggers.map { $0.lines(from: down, to: up).filter { $0.level > .debug && $0.metadata["job_id"] == nil }.count }
        let backoffLines = loggers.map { $0.all.filter { $0.message.contains("retrying with backoff") }.count }
        let errors = try await db.query("SELECT DISTINCT left(error, 120) AS e FROM good_job_executions WHERE error IS NOT NULL")
        print("FAULT-FIGURES restart errors: \(try errors.map { try $0.decode("e", as: String.self) })")
        let failedRefreshes = snapshots.entries.filter { $0.at >= down && $0.at <= up && $0.error != nil }.count
        print("FAULT-FIGURES restart: down \(down.duration(to: up)), drain resumed +\(up.duration(to: resumed)), "
              + "notifiers +\(up.duration(to: listening)), monitor +\(up.duration(to: monitored)), last job finished +\(drained); "
              + "\(account); sessions \(sessions), connections after restart \(connectionsAfter), worker log lines during outage \(outageLines), "
              + "backoff warnings \(backoffLines), failed monitor refreshes during outage \(failedRefreshes)")
        for line in loggers.flatMap({ $0.all }) where line.level >= .warning || line.message.contains("recovered after")
            || line.message.contains("listening again") {
            print("  worker log: \(line.message)")
        }

        #expect(account.jobs >= Self.parents * 2, "each parent enqueued its child through the worker's enqueue session")
        #expect(account.unfinished == 0)
        #expect(account.failed == 0)
        // Attempts whose sessions the outage cut were interrupted and ran again, never alongside themselves.
        #expect(account.overlaps == 0)
        #expect(account.repeatedAttempts == 0)
        #expect(account.unrecordedRuns == 0)
        #expect(account.successesWithoutRun == 0)
        #expect(account.extraRuns == account.interruptedStarted + account.erroredStarted)
        // Backoff, not a busy loop: per worker one warning per claiming session (two) and the control
        // session, one per notifier, job errors of the 3 slots, and a bounded number of new sessions.
        for count in backoffLines { #expect(count <= 3) }
        for count in outageLines { #expect(count <= 12) }
        #expect(failedRefreshes <= 6)
        #expect(connectionsAfter <= 60)
        // Two workers of control, enqueue, two pool sessions, notifier and 3 slots; the monitor; this test.
        #expect(sessions <= 2 * 8 + 2)
    }
}
