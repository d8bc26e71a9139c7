import Foundation
import GafferEngine
import Prometheus

/// `/metrics`: the queue gauges of one query, then the process's swift-metrics registry (the engine's
/// counters and the app's own), in Prometheus' text format.
///
/// The probe thread only starts a task here; the query and the rendering run on Swift's global
/// executor, never on the worker's threads, and the answer goes back through the probe's responder.
public final class MetricsEndpoint: Sendable {
    public static let path = "/metrics"
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let source: QueueStatsSource
    let registry: PrometheusCollectorRegistry?
    let clock: @Sendable () -> Date

    public init(source: QueueStatsSource, registry: PrometheusCollectorRegistry?, clock: @escaping @Sendable () -> Date = Date.init) {
        self.source = source
        self.registry = registry
        self.clock = clock
    }

    /// Answers a scrape later, from another thread.
    public func handle(_ respond: ProbeServer.Responder) {
        Task.detached {
            respond(HTTPResponse(status: 200, body: await self.render(), contentType: Self.contentType))
        }
    }

    /// The whole exposition.
    public func render() async -> String {
        let queues = QueueGauges.text(await source.stats(), now: clock())
        let process = registry.map { MetricsText.addingHelp(to: $0.emitToString(), help: EngineMetrics.help) } ?? ""
        return queues + process
    }

    public func close() async {
        await source.close()
    }
}
