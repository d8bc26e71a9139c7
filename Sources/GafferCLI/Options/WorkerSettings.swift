import GafferEngine

/// Everything `gaffer start` runs with, resolved.
struct WorkerSettings {
    var configuration: WorkerConfiguration
    /// Seconds of idleness after which the worker stops; nil never.
    var idleTimeout: Double?
    var cleanup: CleanupSettings
    /// Port of the health probe and metrics server; nil for none.
    var probePort: Int? = nil
}
