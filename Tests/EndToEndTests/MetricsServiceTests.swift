import Foundation
import GafferTestSupport
import Testing

/// `gaffer start --probe-port`'s `/metrics`, scraped as production would: by the process's own endpoint,
/// by `promtool`, and by a real Prometheus server.
@Suite("gaffer start's /metrics")
struct MetricsServiceTests {
    static let jobs = 12
    static let threads = 3

    /// A migrated database with `jobs` WelcomeJobs enqueued (the README's library-use example, `gaffer-example`),
    /// and that app's worker serving them with the probe port open; returns once they all finished.
    static func drainedWorker() async throws -> (CommandTests.Setup, Binary.Running, Int) {
        let setup = try await CommandTests.migrated()
        for user in 1...jobs {
            #expect(try await setup.run(["enqueue", "WelcomeJob", "--args", "[\(user)]"], binary: "gaffer-example").status == 0)
        }
        // Two jobs on a queue nobody serves, due an hour ago.
        for _ in 0..<2 {
            #expect(try await setup.run(["enqueue", "WelcomeJob", "--args", "[0]", "--queue", "parked",
                                   "--at", ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))],
                                  binary: "gaffer-example").status == 0)
        }
        let port = try ProbeClient.freePort()
        let worker = try Binary.start(["start", "--no-tui", "--poll-interval", "1", "--probe-port", String(port),
                                       "--max-threads", String(threads), "--queues=mailers"], env: setup.env, binary: "gaffer-example")
        try await TestWait.until("every job finished", timeout: 90) {
            try await setup.count("SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == jobs
        }
        try await TestWait.until("the notifier connected", timeout: 30) {
            (try? await ProbeClient.fetch(port: port, "/status/connected"))?.status == 200
        }
        return (setup, worker, port)
    }

    @Test func theWorkersOwnCountsAndPromtoolAcceptsThem() async throws {
        let (setup, worker, port) = try await Self.drainedWorker()
        defer { setup.home.remove() }
        let answer = try await ProbeClient.fetch(port: port, "/metrics", timeout: 15)
        #expect(answer.status == 200)
        let text = try PrometheusText(answer.body)
        let job = ["job_class": "WelcomeJob", "queue": "mailers"]
        #expect(try text.value("gaffer_jobs_started_total", job) == Double(Self.jobs))
        #expect(try text.value("gaffer_jobs_succeeded_total", job) == Double(Self.jobs))
        #expect(try text.value("gaffer_job_attempt_duration_seconds_count", job) == Double(Self.jobs))
        #expect(try text.value("gaffer_threads_max") == Double(Self.threads))
        #expect(try text.value("gaffer_threads_busy") == 0)
        #expect(try text.value("gaffer_notifier_connected") == 1)
        #expect(try (text.value("gaffer_claim_round_trips_total") ?? 0) >= 1)
        let parked = try await setup.count("SELECT count(*) FROM good_jobs WHERE queue_name = 'parked' AND finished_at IS NULL")
        #expect(parked == 2)
        #expect(try text.value("gaffer_queue_jobs", ["queue": "parked", "state": "queued"]) == Double(parked))
        #expect(try (text.value("gaffer_queue_latency_seconds", ["queue": "parked"]) ?? 0) >= 3600)
        if FileManager.default.isExecutableFile(atPath: Promtool.path) {
            let body = answer.body
            let check = try await Blocking.run { try Promtool.checkMetrics(body) }
            #expect(check.status == 0, "promtool: \(check.output)")
        }
        worker.signal(SIGTERM)
        #expect(try await worker.wait(timeout: 60).status == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: PrometheusServer.path), "prometheus is not installed (Debian's prometheus package)"))
    func aRealPrometheusServerScrapesTheSeries() async throws {
        let (setup, worker, port) = try await Self.drainedWorker()
        defer { setup.home.remove() }
        let prometheus = try PrometheusServer(target: port, directory: setup.home.path + "/prometheus")
        defer { prometheus.stop() }
        try await TestWait.until("Prometheus has the started count", timeout: 90, every: 0.5) {
            try await prometheus.query("sum(gaffer_jobs_started_total{job_class=\"WelcomeJob\"})") == Double(Self.jobs)
        }
        #expect(try await prometheus.query("gaffer_threads_max") == Double(Self.threads))
        #expect(try await prometheus.query("gaffer_queue_jobs{queue=\"parked\",state=\"queued\"}") == 2)
        #expect(try await prometheus.query("gaffer_job_attempt_duration_seconds_count{queue=\"mailers\"}") == Double(Self.jobs))
        #expect(try await prometheus.query("up{job=\"gaffer\"}") == 1)
        worker.signal(SIGTERM)
        #expect(try await worker.wait(timeout: 60).status == 0)
    }
}
