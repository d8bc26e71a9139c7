import CoreMetrics
import Foundation
import GafferCore
import GafferEngine
import GafferOps
import GafferStore
import GafferTestSupport
import Postgres
import Testing

struct RetryMe: Error {}
struct DropMe: Error {}

/// Fails its first attempt with the error its argument names ("retry": retried once, then succeeds; "drop": discarded).
struct FlakyJob: Job {
    static let className = "FlakyJob"
    static var retryRules: [RetryRule] { [RetryRule(on: RetryMe.self, attempts: 3, wait: .fixed(seconds: 0))] }
    static var discardRules: [DiscardRule] { [DiscardRule(on: DropMe.self)] }
    let kind: String
    init(_ kind: String) { self.kind = kind }
    init(arguments: JobArguments) throws { kind = try arguments.positional(0, as: String.self) }
    var arguments: JobArguments { [.string(kind)] }

    func perform(_ context: JobContext) async throws {
        // The app's own metric, through swift-metrics as job code using server libraries records it.
        CoreMetrics.Counter(label: "app_flaky_runs_total", dimensions: [("queue", context.queueName)]).increment()
        if kind == "drop" { throw DropMe() }
        if kind == "retry" && context.attempt == 1 { throw RetryMe() }
    }
}

@Suite("/metrics on a running worker")
struct MetricsEndpointTests {
    /// A worker serving `queue` only, with the probe and `/metrics` as `gaffer start --probe-port` wires them.
    static func serve(_ config: ConnectionConfig, queue: String, _ types: [any Job.Type]) throws
        -> (Worker, ProbeServer, MetricsEndpoint)
    {
        var configuration = WorkerConfiguration()
        configuration.queues = queue
        configuration.maxThreads = 3
        configuration.pollInterval = 1
        let worker = Worker(registry: JobRegistry(types), database: config, configuration: configuration)
        let backend = MetricsBackend.prepare()
        #expect(backend.choice == .gaffer)
        // No reuse of an earlier scrape's counts: each scrape below must see the table as it is.
        let metrics = MetricsEndpoint(source: QueueStatsSource(database: config, minInterval: .zero), registry: backend.registry)
        // A loaded test machine can take seconds over the queue query: more time than a scraper gets.
        let server = try ProbeServer(host: "127.0.0.1", port: 0, clientTimeout: TestRun.patient(5),
                                     handlerTimeout: TestRun.patient(10),
                                     handler: ProbeRoutes.handler(health: worker.health, metrics: metrics))
        return (worker, server, metrics)
    }

    static func scrape(_ server: ProbeServer) async throws -> PrometheusText {
        let answer = try await ProbeClient.fetch(port: server.port, MetricsEndpoint.path, timeout: TestRun.patient(15))
        #expect(answer.status == 200)
        return try PrometheusText(answer.body)
    }

    @Test func countersByClassAndQueueMatchTheJobsRun() async throws {
        let (config, db) = try await OpsFixture.database()
        // A queue of this test's own: other tests in this process record into the same registry.
        let queue = "metrics-\(UUID().uuidString.lowercased().prefix(8))"
        let (worker, server, metrics) = try Self.serve(config, queue: queue, [RecordingJob.self, FlakyJob.self])
        defer { server.stop() }
        let client = GafferClient(connection: db)
        let succeeded = 7
        _ = try await client.enqueueAll((0..<succeeded).map { RecordingJob(n: $0) }, EnqueueOptions(queue: queue))
        _ = try await client.enqueueAll([FlakyJob("retry"), FlakyJob("retry")], EnqueueOptions(queue: queue))
        _ = try await client.enqueue(FlakyJob("drop"), EnqueueOptions(queue: queue))
        try await worker.start()
        try await TestWait.until("every job finished", timeout: 60) {
            try await OpsFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0
        }
        await worker.stop()

        let text = try await Self.scrape(server)
        let recording = ["job_class": "RecordingJob", "queue": queue]
        let flaky = ["job_class": "FlakyJob", "queue": queue]
        #expect(try text.value(EngineMetrics.jobsStarted, recording) == Double(succeeded))
        #expect(try text.value(EngineMetrics.jobsSucceeded, recording) == Double(succeeded))
        #expect(try text.value(EngineMetrics.jobsRetried, recording) == nil)
        // Two retried once then succeeded, one discarded: five attempts.
        #expect(try text.value(EngineMetrics.jobsStarted, flaky) == 5)
        #expect(try text.value(EngineMetrics.jobsRetried, flaky) == 2)
        #expect(try text.value(EngineMetrics.jobsSucceeded, flaky) == 2)
        #expect(try text.value(EngineMetrics.jobsDiscarded, flaky) == 1)
        // Every attempt in the histogram, each in the +Inf bucket.
        #expect(try text.value(EngineMetrics.attemptDuration + "_count", recording) == Double(succeeded))
        #expect(try text.value(EngineMetrics.attemptDuration + "_bucket", recording.merging(["le": "+Inf"]) { $1 }) == Double(succeeded))
        #expect(try text.value(EngineMetrics.attemptDuration + "_count", flaky) == 5)
        #expect(text.types[EngineMetrics.attemptDuration] == "histogram")
        #expect(text.types[EngineMetrics.jobsStarted] == "counter")
        #expect(try (text.value(EngineMetrics.claimRoundTrips) ?? 0) >= 1)
        #expect(try text.value(QueueGauges.up) == 1)
        // The app's own counter joins the engine's on the same endpoint.
        #expect(try text.value("app_flaky_runs_total", ["queue": queue]) == 5)
        await metrics.close()
    }

    @Test func queueGaugesEqualTheTableAndLatencyCountsFromTheDueTime() async throws {
        let (config, db) = try await OpsFixture.database()
        let served = "served-\(UUID().uuidString.lowercased().prefix(8))"
        let (worker, server, metrics) = try Self.serve(config, queue: served, [RecordingJob.self])
        defer { server.stop() }
        let client = GafferClient(connection: db)
        // Nobody serves these queues: their jobs stay where they are.
        _ = try await client.enqueueAll((0..<4).map { RecordingJob(n: $0) }, EnqueueOptions(queue: "idle", at: Date().addingTimeInterval(-3600)))
        _ = try await client.enqueueAll((0..<3).map { RecordingJob(n: $0) }, EnqueueOptions(queue: "later", at: Date().addingTimeInterval(3600)))
        _ = try await client.enqueue(RecordingJob(n: 9), EnqueueOptions(queue: "idle"))
        try await worker.start()

        var text = try await Self.scrape(server)
        func gauge(_ queue: String, _ state: String) throws -> Double? {
            try text.value(QueueGauges.jobs, ["queue": queue, "state": state])
        }
        let idleInTable = try await OpsFixture.count(db, "SELECT count(*) FROM good_jobs WHERE queue_name = 'idle' AND performed_at IS NULL")
        #expect(idleInTable == 5)
        #expect(try gauge("idle", "queued") == Double(idleInTable))
        #expect(try gauge("later", "scheduled") == 3)
        #expect(try gauge("later", "queued") == 0)
        #expect(try gauge("idle", "running") == 0)
        #expect(text.help[QueueGauges.jobs] != nil)
        // The oldest ready "idle" job was due an hour ago.
        #expect(try (text.value(QueueGauges.latency, ["queue": "idle"]) ?? 0) >= 3600)
        #expect(try text.value(QueueGauges.latency, ["queue": "later"]) == 0)

        // The next scrape counts again: one job of "idle" gone.
        try await db.query("DELETE FROM good_jobs WHERE id = (SELECT id FROM good_jobs WHERE queue_name = 'idle' LIMIT 1)")
        text = try await Self.scrape(server)
        #expect(try gauge("idle", "queued") == 4)

        // The database gone: the probe still answers, the query says it failed.
        await metrics.close()
        let name = try #require(config.databaseName)
        let admin = try await PostgresConnection.connect(try TestServer.baseConfig(), applicationName: "gaffer-tests")
        try await admin.execute("ALTER DATABASE \"\(name)\" ALLOW_CONNECTIONS false")
        try await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'gaffer-metrics'", [name])
        text = try await Self.scrape(server)
        #expect(try text.value(QueueGauges.up) == 0)
        #expect(try gauge("idle", "queued") == nil)
        try await admin.execute("ALTER DATABASE \"\(name)\" ALLOW_CONNECTIONS true")
        text = try await Self.scrape(server)
        #expect(try text.value(QueueGauges.up) == 1)
        await admin.close()
        await worker.stop()
        await metrics.close()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Promtool.path), "promtool is not installed (Debian's prometheus package)"))
    func promtoolAcceptsTheExposition() async throws {
        let (config, db) = try await OpsFixture.database()
        let queue = "promtool-\(UUID().uuidString.lowercased().prefix(8))"
        let (worker, server, metrics) = try Self.serve(config, queue: queue, [RecordingJob.self, FlakyJob.self])
        defer { server.stop() }
        _ = try await GafferClient(connection: db).enqueue(FlakyJob("retry"), EnqueueOptions(queue: queue))
        _ = try await GafferClient(connection: db).enqueue(RecordingJob(n: 1), EnqueueOptions(queue: "waiting \"quoted\"\\queue"))
        try await worker.start()
        try await TestWait.until("the job finished", timeout: 60) {
            try await OpsFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 1
        }
        let body = try await ProbeClient.fetch(port: server.port, MetricsEndpoint.path, timeout: TestRun.patient(15)).body
        await worker.stop()
        await metrics.close()
        let check = try await Blocking.run { try Promtool.checkMetrics(body) }
        #expect(check.status == 0, "promtool: \(check.output)\n\(body)")
        // A label value with quotes and a backslash survives the round trip.
        #expect(try PrometheusText(body).value(QueueGauges.jobs, ["queue": "waiting \"quoted\"\\queue", "state": "queued"]) == 1)
    }
}
