import Foundation
import GafferEngine
import Postgres

/// `gaffer-bench fleet N PROCESSES THREADS`: N no-op jobs drained by separate worker processes (this binary in
/// `worker` mode), as many hosts on one database would; prints jobs/s and the server sessions they held.
///
/// The time runs from spawning the processes (so it includes their start: exec, connect, process row) until no
/// job is unfinished, polled every 200 ms. `worker THREADS` runs one `Worker` on `DATABASE_URL` until SIGTERM.
enum FleetBenchmark {
    static func run(_ config: ConnectionConfig, jobs: Int, processes: Int, threads: Int) async throws {
        let db = try await PostgresConnection.connect(config, applicationName: "gaffer-bench")
        let client = GafferClient(connection: db)
        for chunk in stride(from: 0, to: jobs, by: 5_000) {
            try await client.enqueueAll((chunk..<min(chunk + 5_000, jobs)).map { _ in NoopJob() })
        }
        var children: [Process] = []
        let started = ContinuousClock.now
        for _ in 0..<processes {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            child.arguments = ["worker", String(threads)]
            var env = ProcessInfo.processInfo.environment
            env["DATABASE_URL"] = config.conninfo
            child.environment = env
            child.standardOutput = FileHandle.nullDevice
            try child.run()
            children.append(child)
        }
        // A failed poll must not leave the workers draining on their own.
        defer { for child in children where child.isRunning { kill(child.processIdentifier, SIGTERM) } }
        var sessions = 0
        while true {
            try await Task.sleep(for: .milliseconds(200))
            let left = try await db.query("SELECT count(*) FROM good_jobs WHERE finished_at IS NULL")[0].decode(0, as: Int.self)
            let now = try await db.query("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
                """)[0].decode(0, as: Int.self)
            sessions = max(sessions, now)
            if left == 0 { break }
        }
        let elapsed = seconds(ContinuousClock.now - started)
        for child in children { kill(child.processIdentifier, SIGTERM) }
        for child in children { child.waitUntilExit() }
        let runs = try await db.query("SELECT count(*) FROM good_job_executions WHERE finished_at IS NOT NULL")[0]
            .decode(0, as: Int.self)
        print(String(format: "fleet: %d no-op jobs, %d process(es) x %d threads: %.2f s, %.0f jobs/s (%d execution rows); "
                     + "at most %d server sessions (%.1f per process)", jobs, processes, threads, elapsed,
                     Double(jobs) / elapsed, runs, sessions, Double(sessions) / Double(processes)))
        await db.close()
    }

    /// The child: one worker on `DATABASE_URL` until SIGTERM.
    static func worker(threads: Int) async throws {
        signal(SIGTERM, SIG_IGN)
        let stop = AsyncStream<Void>.makeStream()
        let source = DispatchSource.makeSignalSource(signal: SIGTERM)
        source.setEventHandler { stop.continuation.yield() }
        source.resume()
        let config = try ConnectionConfig(ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "")
        let worker = makeWorkers(config, count: 1, threads: threads)[0]
        try await worker.start()
        for await _ in stop.stream { break }
        await worker.stop()
        source.cancel()
    }
}
