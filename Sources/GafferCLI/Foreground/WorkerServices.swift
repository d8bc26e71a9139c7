import Foundation
import GafferEngine
import GafferOps
import Logging
import Postgres

/// A foreground worker's companions for a service manager: the probe port (GoodJob's health paths and
/// `/metrics`) and systemd's notify socket with its watchdog pings.
struct WorkerServices: Sendable {
    var probe: ProbeServer?
    var metrics: MetricsEndpoint?
    var notifier: SystemdNotifier?
    var watchdog: Task<Void, Never>?

    /// Opens the probe port (before the worker starts, so `/status/started` answers 503 meanwhile).
    static func open(worker: Worker, probePort: Int?, database: ConnectionConfig, logger: Logger,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WorkerServices {
        var services = WorkerServices(notifier: SystemdNotifier(environment: environment))
        if let probePort {
            let backend = MetricsBackend.prepare()
            let metrics = MetricsEndpoint(source: QueueStatsSource(database: database), registry: backend.registry)
            services.metrics = metrics
            do {
                services.probe = try ProbeServer(port: probePort, handler: ProbeRoutes.handler(health: worker.health, metrics: metrics))
            } catch {
                throw CLIError.runtime("\(error)")
            }
            logger.info("probe: listening on port \(services.probe?.port ?? probePort) (/status, /status/started, /status/connected, /metrics)")
            if backend.choice == .appOther {
                logger.info("metrics: the app bootstrapped its own swift-metrics backend, so the engine's counters go there; /metrics has the queue gauges only")
            }
        }
        return services
    }

    /// Tells systemd the worker runs, and starts the watchdog pings it asked for.
    ///
    /// Each ping first asks the worker's actor for a snapshot, so a wedged worker stops pinging and
    /// systemd restarts it.
    mutating func ready(_ worker: Worker, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let notifier else { return }
        notifier.send("READY=1\nSTATUS=running\nMAINPID=\(getpid())")
        guard let interval = SystemdNotifier.watchdogInterval(environment: environment) else { return }
        watchdog = Task {
            while !Task.isCancelled {
                _ = await worker.snapshot()
                notifier.send("WATCHDOG=1")
                try? await Task.sleep(for: .milliseconds(max(1, Int(interval * 1000))))
            }
        }
    }

    /// The drain begins.
    func stopping() {
        notifier?.send("STOPPING=1\nSTATUS=draining")
    }

    /// After the worker stopped: ends the pings and closes the probe port.
    func close() {
        watchdog?.cancel()
        probe?.stop()
        if let metrics { Task { await metrics.close() } }
    }
}
