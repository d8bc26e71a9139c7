import Foundation
import GafferMonitorModel
import Prometheus

/// The queue gauges of one scrape, in Prometheus' text format, from the monitor's per-queue counts (pure).
///
/// A fresh registry each scrape: a queue that emptied out of the counts leaves no stale series behind.
public enum QueueGauges {
    public static let jobs = "gaffer_queue_jobs"
    public static let latency = "gaffer_queue_latency_seconds"
    public static let up = "gaffer_queue_query_up"

    /// The states counted, GoodJob's dashboard scopes of unfinished jobs.
    static let states: [(name: String, count: @Sendable (QueueStats) -> Int)] = [
        ("queued", { $0.queued }), ("scheduled", { $0.scheduled }), ("retried", { $0.retried }), ("running", { $0.running }),
    ]

    /// `stats` nil: the query failed (only `gaffer_queue_query_up 0`).
    public static func text(_ stats: [QueueStats]?, now: Date) -> String {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(descriptor: descriptor(up, "1 when this scrape's queue query succeeded, else 0 (the queue gauges are then absent)."))
            .set(stats == nil ? 0.0 : 1.0)
        for queue in stats ?? [] {
            for state in states {
                registry.makeGauge(descriptor: descriptor(jobs, "Unfinished jobs by queue and state (GoodJob's dashboard scopes)."),
                                   labels: [("queue", queue.name), ("state", state.name)])
                    .set(Double(state.count(queue)))
            }
            let waited = queue.oldestReadyAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
            registry.makeGauge(descriptor: descriptor(latency, "Seconds the oldest ready job of the queue has waited past its due time (0 when none waits)."),
                               labels: [("queue", queue.name)])
                .set(waited)
        }
        return registry.emitToString()
    }

    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
