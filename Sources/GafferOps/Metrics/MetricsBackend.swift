import CoreMetrics
import GafferEngine
import Prometheus
import Synchronization

/// Which swift-metrics backend `/metrics` reads: Gaffer bootstraps Prometheus' unless the app already
/// bootstrapped one, so the engine's metrics and the app's own share one registry and one endpoint.
public enum MetricsBackend {
    public enum Choice: Sendable, Equatable {
        /// Nothing was bootstrapped: Gaffer bootstrapped a Prometheus factory (or did earlier in this process).
        case gaffer
        /// The app bootstrapped a Prometheus factory first: `/metrics` emits its registry.
        case appPrometheus
        /// The app bootstrapped another backend: the engine's counters go there; `/metrics` has the queue gauges only.
        case appOther
    }

    /// Attempt-duration buckets in seconds: 5 ms to 10 min (Prometheus' default stops at 10 s; jobs run longer).
    public static let attemptBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300), .seconds(600),
    ]

    private static let ours = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Bootstraps swift-metrics with Prometheus unless the process already did; the registry `/metrics`
    /// emits (nil for `.appOther`). Safe to call more than once and from several threads.
    public static func prepare() -> (registry: PrometheusCollectorRegistry?, choice: Choice) {
        ours.withLock { ours in
            if let ours { return (ours, .gaffer) }
            switch MetricsSystem.factory {
            case is NOOPMetricsHandler:
                let registry = PrometheusCollectorRegistry()
                var factory = PrometheusMetricsFactory(registry: registry)
                factory.durationHistogramBuckets[EngineMetrics.attemptDuration] = attemptBuckets
                MetricsSystem.bootstrap(factory)
                ours = registry
                return (registry, .gaffer)
            case let app as PrometheusMetricsFactory:
                return (app.registry, .appPrometheus)
            default:
                return (nil, .appOther)
            }
        }
    }
}
