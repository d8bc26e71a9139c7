import GafferEngine

/// Everything the probe port answers: GoodJob's health paths and, when given, `/metrics`.
public enum ProbeRoutes {
    public static func handler(health: WorkerHealth, metrics: MetricsEndpoint?) -> ProbeServer.Handler {
        { path, respond in
            if path == MetricsEndpoint.path, let metrics {
                metrics.handle(respond)
            } else {
                respond(HealthRoutes.response(path: path, health: health.current) ?? HealthRoutes.notFound)
            }
        }
    }
}
