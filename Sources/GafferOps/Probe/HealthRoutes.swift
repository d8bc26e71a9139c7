import GafferEngine

/// GoodJob's probe paths and texts (`GoodJob::ProbeServer::HealthcheckMiddleware`), from a worker's
/// health (pure).
public enum HealthRoutes {
    /// The response for `path`, or nil when the path is not a health path.
    public static func response(path: String, health: WorkerHealth.State) -> HTTPResponse? {
        switch path {
        case "/", "/status":
            return HTTPResponse(status: 200, body: "OK")
        case "/status/started":
            return health.started ? HTTPResponse(status: 200, body: "Started") : HTTPResponse(status: 503, body: "Not started")
        case "/status/connected":
            return health.started && health.notifierConnected
                ? HTTPResponse(status: 200, body: "Connected") : HTTPResponse(status: 503, body: "Not connected")
        default:
            return nil
        }
    }

    public static let notFound = HTTPResponse(status: 404, body: "Not found")
}
