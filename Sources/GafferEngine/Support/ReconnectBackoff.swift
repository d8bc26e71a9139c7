import Foundation
import Postgres

/// Capped doubling waits between attempts while a connection is failing, logged once per outage.
///
/// The first failure of an outage logs one warning and the recovery one info line; attempts between
/// them log only a failure unlike the last, so an outage costs a few lines, never one per attempt.
struct ReconnectBackoff {
    let name: String
    let logger: any JobLogger
    var first = 0.1
    var cap = 5.0
    private(set) var failures = 0
    private var since: ContinuousClock.Instant?
    private var lastKind: String?

    init(name: String, logger: any JobLogger) {
        self.name = name
        self.logger = logger
    }

    /// Whether the last attempt failed.
    var isFailing: Bool { since != nil }

    /// Records a failed attempt and returns the wait before the next one; logs the outage's first
    /// failure, then only a failure of another kind (every lost or refused connection is one kind).
    mutating func failed(_ error: any Error) -> Double {
        let kind = (error as? PostgresError)?.isConnectionError == true ? "connection" : "\(error)"
        if since == nil || kind != lastKind {
            logger.warning("\(name): \(error); retrying with backoff up to \(cap) s")
        }
        if since == nil { since = .now }
        lastKind = kind
        failures += 1
        return min(first * pow(2, Double(failures - 1)), cap)
    }

    /// Records a successful attempt, ending the outage if there was one.
    mutating func succeeded() {
        guard let since else { return }
        let lasted = since.duration(to: .now)
        let seconds = Double(lasted.components.seconds) + Double(lasted.components.attoseconds) / 1e18
        logger.info("\(name): recovered after \(String(format: "%.1f", seconds)) s and \(failures) failed attempt(s)")
        self.since = nil
        lastKind = nil
        failures = 0
    }
}
