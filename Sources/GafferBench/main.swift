import Foundation
import GafferCore
import GafferEngine
import GafferStore
import Postgres
import GafferTestSupport
import Synchronization

// gaffer-bench: drain throughput and enqueue→start latency of the worker, on a fresh database.
//
// Usage: gaffer-bench [drain N WORKERS THREADS] [latency RATE SECONDS]
//        gaffer-bench keys [--rows N] [--seconds S] [--threads T] [--no-screen]   (the screen's key latency, `KeysBenchmark`)
//        gaffer-bench monitor [--rows N] [--unfinished-percent P] [--seconds S] [--seeded DB] [--modes exact,five,now]
//            (`gaffer top`'s statement time per second, `MonitorBenchmark`; --seeded reads DB as `seed` left it)
//        gaffer-bench fleet N PROCESSES THREADS   (N jobs drained by separate worker processes, `FleetBenchmark`)
//        gaffer-bench seed ROWS [--unfinished-percent P]   (with DATABASE_URL: leaves a seeded database for
//            `gaffer top`, prints its name; P of every 100 rows unfinished, 24 unless given)
// Without DATABASE_URL it starts a private server like the peers' (fsync and synchronous_commit on, TCP
// on 127.0.0.1), so the figures compare with ../shared/bench.

/// Does nothing; records when it started, for the latency run.
struct NoopJob: Job {
    static let className = "NoopJob"
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws {
        Starts.shared.record(context.jobID)
    }
}

final class Starts: Sendable {
    static let shared = Starts()
    private let times = Mutex<[UUID: ContinuousClock.Instant]>([:])
    func record(_ id: UUID) { times.withLock { $0[id] = .now } }
    func take() -> [UUID: ContinuousClock.Instant] { times.withLock { let t = $0; $0 = [:]; return t } }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}

func freshDatabase(statementStats: Bool = false) async throws -> (ConnectionConfig, EmbeddedPostgres?) {
    let name = "bench_\(UInt32.random(in: 0...UInt32.max))"
    var server: EmbeddedPostgres?
    let base: ConnectionConfig
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
        base = try ConnectionConfig(url)
    } else {
        let dir = "/tmp/gaffer-bench-\(getpid())"
        let port = Int.random(in: 20_000...60_000)
        let embedded = try EmbeddedPostgres(directory: dir, port: port)
        try embedded.start(extraSettings: ["fsync=on", "synchronous_commit=on", "full_page_writes=on",
                                           "listen_addresses=127.0.0.1"]
                                          + (statementStats ? ["shared_preload_libraries=pg_stat_statements"] : []))
        server = embedded
        base = try ConnectionConfig("host=127.0.0.1 port=\(port) user=postgres dbname=postgres")
    }
    let admin = try await PostgresConnection.connect(base)
    try await admin.execute("CREATE DATABASE " + name)
    await admin.close()
    let config = base.with(database: name)
    let db = try await PostgresConnection.connect(config)
    try await Migrator.migrate(db)
    if ProcessInfo.processInfo.environment["GAFFER_BENCH_LEAN_INDEXES"] == "1" {
        // Measures what GoodJob's 24 indexes cost: keep only the claim's index and the cron key's unique one.
        let keep: Set<String> = ["index_good_jobs_for_candidate_dequeue_unlocked", "index_good_jobs_on_cron_key_and_cron_at_cond"]
        for index in GoodJobSchema.indexes where index.table == "good_jobs" && !keep.contains(index.name) {
            try await db.execute("DROP INDEX " + index.name)
        }
    }
    await db.close()
    return (config, server)
}

func makeWorkers(_ config: ConnectionConfig, count: Int, threads: Int) -> [Worker] {
    (0..<count).map { _ in
        var configuration = WorkerConfiguration()
        configuration.maxThreads = threads
        configuration.pollInterval = 1
        return Worker(registry: JobRegistry([NoopJob.self]), database: config, configuration: configuration)
    }
}

func drain(_ config: ConnectionConfig, jobs: Int, workers count: Int, threads: Int) async throws {
    let db = try await PostgresConnection.connect(config)
    let client = GafferClient(connection: db)
    for chunk in stride(from: 0, to: jobs, by: 5_000) {
        try await client.enqueueAll((chunk..<min(chunk + 5_000, jobs)).map { _ in NoopJob() })
    }
    let workers = makeWorkers(config, count: count, threads: threads)
    let started = ContinuousClock.now
    for worker in workers { try await worker.start() }
    // The workers' own counters say when every body has run, without a query competing with them for
    // the server (a count every 20 ms took ~20 % of a core); then the rows say when every end committed.
    while true {
        var succeeded = 0
        for worker in workers { succeeded += await worker.snapshot().pools.reduce(0) { $0 + $1.succeeded } }
        if succeeded >= jobs { break }
        try await Task.sleep(for: .milliseconds(5))
    }
    while true {
        let done = try await db.query("SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL")
        if try done[0].decode(0, as: Int.self) == jobs { break }
        try await Task.sleep(for: .milliseconds(1))
    }
    let elapsed = seconds(ContinuousClock.now - started)
    var trips = 0
    for worker in workers { trips += await worker.snapshot().pools.reduce(0) { $0 + $1.roundTrips } }
    print(String(format: "  %d producer round trips, %.1f jobs per round trip", trips, Double(jobs) / Double(max(trips, 1))))
    for worker in workers { await worker.stop() }
    let executions = try await db.query("SELECT count(*) FROM good_job_executions WHERE finished_at IS NOT NULL")
    print(String(format: "drain: %d no-op jobs, %d worker(s) x %d threads: %.2f s, %.0f jobs/s (%d execution rows)",
                 jobs, count, threads, elapsed, Double(jobs) / elapsed, try executions[0].decode(0, as: Int.self)))
    _ = Starts.shared.take()
    await db.close()
}

func latency(_ config: ConnectionConfig, rate: Int, duration: Double, threads: Int) async throws {
    let db = try await PostgresConnection.connect(config)
    let client = GafferClient(connection: db)
    let worker = makeWorkers(config, count: 1, threads: threads)[0]
    try await worker.start()
    var enqueued: [UUID: ContinuousClock.Instant] = [:]
    let interval = 1.0 / Double(rate)
    let begin = ContinuousClock.now
    var next = 0.0
    while next < duration {
        let target = begin + .milliseconds(Int(next * 1000))
        if ContinuousClock.now < target { try await Task.sleep(until: target, clock: .continuous) }
        let at = ContinuousClock.now
        if let id = try await client.enqueue(NoopJob()) { enqueued[id] = at }
        next += interval
    }
    while Starts.shared.count < enqueued.count {
        try await Task.sleep(for: .milliseconds(20))
    }
    await worker.stop()
    let starts = Starts.shared.take()
    let latencies = enqueued.compactMap { id, at in starts[id].map { seconds($0 - at) * 1000 } }
    print(String(format: "latency: %d jobs at %d/s, enqueue→start p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                 latencies.count, rate, percentile(latencies, 0.5), percentile(latencies, 0.9),
                 percentile(latencies, 0.99), latencies.max() ?? .nan))
    await db.close()
}

extension Starts {
    var count: Int { times.withLock { $0.count } }
}

/// The value after `--name` in `args`, or `fallback`.
func option(_ args: [String], _ name: String, _ fallback: Double) -> Double {
    guard let index = args.firstIndex(of: "--" + name), index + 1 < args.count else { return fallback }
    return Double(args[index + 1]) ?? fallback
}

/// The value after `--name` in `args`, as text.
func textOption(_ args: [String], _ name: String) -> String? {
    guard let index = args.firstIndex(of: "--" + name), index + 1 < args.count else { return nil }
    return args[index + 1]
}

let args = Array(CommandLine.arguments.dropFirst())
if args.first == "worker" {
    try await FleetBenchmark.worker(threads: Int(args.dropFirst().first ?? "5") ?? 5)
    exit(0)
}
let seededDatabase = args.first == "monitor" ? textOption(args, "seeded") : nil
if seededDatabase != nil, ProcessInfo.processInfo.environment["DATABASE_URL"]?.isEmpty ?? true {
    print("gaffer-bench monitor --seeded needs DATABASE_URL: the server holding the seeded database")
    exit(2)
}
if args.first == "seed", ProcessInfo.processInfo.environment["DATABASE_URL"]?.isEmpty ?? true {
    print("gaffer-bench seed needs DATABASE_URL: the private server stops when the benchmark ends")
    exit(2)
}
let config: ConnectionConfig, server: EmbeddedPostgres?
if let seededDatabase {
    (config, server) = (try ConnectionConfig(ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "").with(database: seededDatabase), nil)
} else {
    (config, server) = try await freshDatabase(statementStats: args.first == "monitor")
}
/// Stops the private server, if this run started one, and removes its directory. (A top-level `defer` here never
/// ran: every run without DATABASE_URL left its server behind.)
func stopPrivateServer() {
    try? server?.stop()
    try? server.map { try FileManager.default.removeItem(atPath: $0.socketDirectory) }
}
do {
    if args.first == "keys" {
        let keys = KeysBenchmark(rows: Int(option(args, "rows", 1_000_000)), duration: option(args, "seconds", 60),
                                 threads: Int(option(args, "threads", 10)), screen: !args.contains("--no-screen"))
        try await keys.run(config)
    } else if args.first == "monitor" {
        var monitor = MonitorBenchmark(rows: Int(option(args, "rows", 1_000_000)), duration: option(args, "seconds", 60),
                                       unfinishedPercent: Int(option(args, "unfinished-percent", 24)))
        monitor.seeded = seededDatabase != nil
        if let modes = textOption(args, "modes") { monitor.modes = modes.split(separator: ",").map(String.init) }
        try await monitor.run(config)
    } else if args.first == "fleet" {
        let n = Array(args.dropFirst())
        try await FleetBenchmark.run(config, jobs: Int(n.first ?? "20000") ?? 20_000, processes: Int(n.dropFirst().first ?? "2") ?? 2,
                                     threads: Int(n.dropFirst(2).first ?? "5") ?? 5)
    } else if args.first == "seed" {
        let db = try await PostgresConnection.connect(config)
        try await LoadSeed.fill(db, rows: Int(args.dropFirst().first ?? "") ?? 1_000_000, now: Date(),
                                claimableClass: NoopJob.className,
                                unfinishedPercent: Int(option(args, "unfinished-percent", 24)))
        await db.close()
        print("seeded database \(config.databaseName ?? config.displayName)")
    } else if args.first == "latency" {
        try await latency(config, rate: Int(args.dropFirst().first ?? "200") ?? 200,
                          duration: Double(args.dropFirst(2).first ?? "10") ?? 10, threads: 5)
    } else {
        let n = args.first == "drain" ? Array(args.dropFirst()) : args
        try await drain(config, jobs: Int(n.first ?? "20000") ?? 20_000, workers: Int(n.dropFirst().first ?? "2") ?? 2,
                        threads: Int(n.dropFirst(2).first ?? "5") ?? 5)
    }
} catch {
    stopPrivateServer()
    throw error
}
stopPrivateServer()
