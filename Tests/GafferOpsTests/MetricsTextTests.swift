import Foundation
import GafferEngine
import GafferMonitorModel
import GafferOps
import GafferTestSupport
import Testing

@Suite("the metrics text")
struct MetricsTextTests {
    @Test func helpIsAddedOnceBeforeEachFamilyWithoutOne() {
        let text = """
            # TYPE gaffer_jobs_started_total counter
            gaffer_jobs_started_total{job_class="A",queue="q"} 1
            # HELP app_requests_total The app's own.
            # TYPE app_requests_total counter
            app_requests_total 3
            # TYPE app_unknown gauge
            app_unknown 1

            """
        let helped = MetricsText.addingHelp(to: text, help: ["gaffer_jobs_started_total": "Started.\nTwo lines \\ here",
                                                              "app_requests_total": "Not used."])
        #expect(helped == """
            # HELP gaffer_jobs_started_total Started.\\nTwo lines \\\\ here
            # TYPE gaffer_jobs_started_total counter
            gaffer_jobs_started_total{job_class="A",queue="q"} 1
            # HELP app_requests_total The app's own.
            # TYPE app_requests_total counter
            app_requests_total 3
            # HELP app_unknown \(MetricsText.unknownHelp)
            # TYPE app_unknown gauge
            app_unknown 1

            """)
    }

    @Test func everyEngineMetricHasHelp() {
        let names = [EngineMetrics.jobsStarted, EngineMetrics.jobsSucceeded, EngineMetrics.jobsRetried, EngineMetrics.jobsDiscarded,
                     EngineMetrics.jobsInterrupted, EngineMetrics.attemptDuration, EngineMetrics.threadsBusy, EngineMetrics.threadsMax,
                     EngineMetrics.claimRoundTrips, EngineMetrics.reconnects, EngineMetrics.notifierConnected,
                     EngineMetrics.errorReportsDropped]
        #expect(Set(names) == Set(EngineMetrics.help.keys))
    }

    @Test func queueGaugesParseStrictlyAndCountEachState() throws {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let text = QueueGauges.text([
            QueueStats(name: "default", queued: 3, scheduled: 2, running: 1, retried: 4, discarded: 9,
                       oldestReadyAt: now.addingTimeInterval(-42)),
            QueueStats(name: "line\nbreak \"q\"", queued: 0, scheduled: 1),
        ], now: now)
        let parsed = try PrometheusText(text)
        #expect(try parsed.value(QueueGauges.jobs, ["queue": "default", "state": "queued"]) == 3)
        #expect(try parsed.value(QueueGauges.jobs, ["queue": "default", "state": "scheduled"]) == 2)
        #expect(try parsed.value(QueueGauges.jobs, ["queue": "default", "state": "retried"]) == 4)
        #expect(try parsed.value(QueueGauges.jobs, ["queue": "default", "state": "running"]) == 1)
        #expect(try parsed.value(QueueGauges.latency, ["queue": "default"]) == 42)
        #expect(try parsed.value(QueueGauges.jobs, ["queue": "line\nbreak \"q\"", "state": "scheduled"]) == 1)
        #expect(try parsed.value(QueueGauges.latency, ["queue": "line\nbreak \"q\""]) == 0)
        #expect(try parsed.value(QueueGauges.up) == 1)
        // Discarded is a finished state, not queue depth.
        #expect(parsed.samples.allSatisfy { $0.labels["state"] != "discarded" })
        let failed = try PrometheusText(QueueGauges.text(nil, now: now))
        #expect(try failed.value(QueueGauges.up) == 0)
        #expect(failed.samples.count == 1)
    }

    @Test func theStrictReaderRejectsWhatTheFormatForbids() {
        for bad in ["# TYPE x counter\nx{a=\"b\" 1", "# HELP x h\n# TYPE x counter\nx one", "x 1",
                    "# HELP x h\n# TYPE x counter\nx{a=\"\\q\"} 1", "# HELP x h\n# TYPE x counter\n# TYPE x counter\nx 1",
                    "# TYPE x counter\nx 1"] {
            #expect(throws: PrometheusText.Malformed.self, "\(bad)") { try PrometheusText(bad) }
        }
    }
}
