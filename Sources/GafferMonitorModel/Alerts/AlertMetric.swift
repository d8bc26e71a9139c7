/// What an alert watches; each has a warning and a critical limit (`AlertLimit`).
public enum AlertMetric: String, Sendable, Hashable, CaseIterable {
    /// How long the oldest job ready to run has waited, in seconds (paused queues excluded: `paused` covers them).
    case latency
    /// Jobs that failed in the last hour (retried or discarded), as the Failures pane counts them.
    case failures
    /// The oldest heartbeat of any process row, in seconds.
    case heartbeat
    /// How long queues have been paused, in seconds (at least: since the pauses setting last changed).
    case paused

    /// The flag and the config file's key in `[alerts]`.
    public var option: String {
        switch self {
        case .latency: "max-latency"
        case .failures: "max-failures"
        case .heartbeat: "max-heartbeat-age"
        case .paused: "max-paused"
        }
    }

    /// Durations take `90s`, `5m`, `1h`; failures a whole count per hour.
    public var isDuration: Bool { self != .failures }

    /// The defaults: what a GoodJob or Sidekiq operator pages on without being asked.
    ///
    /// Latency: 5 min waiting is slow, 15 min is an outage for most apps. Failures: 50 an hour
    /// is worth a look, 500 is a broken deploy. Heartbeat: GoodJob refreshes every 30 s, so 2 min is
    /// four missed beats, and 5 min is when GoodJob itself declares the process dead. Paused: a queue
    /// forgotten for an hour warns; a pause is deliberate, so it never goes critical by default.
    public var defaultLimit: AlertLimit {
        switch self {
        case .latency: AlertLimit(warning: 300, critical: 900)
        case .failures: AlertLimit(warning: 50, critical: 500)
        case .heartbeat: AlertLimit(warning: 120, critical: 300)
        case .paused: AlertLimit(warning: 3600, critical: nil)
        }
    }
}
