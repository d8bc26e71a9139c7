import Foundation
import Logging
import Postgres

/// Capped doubling waits (0.1 s to 5 s) while a connection fails; one warning (and error report) per outage, one line at recovery.
struct ReconnectBackoff {
    let name: String
    let logger: Logger
    /// Hands the outage's first error of each kind to the error reporter.
    let report: @Sendable (any Error, String) -> Void
    var first = 0.1
    var cap = 5.0
    private(set) var failures = 0
    private var since: ContinuousClock.Instant?
    private var lastKind: String?

    init(name: String, logger: Logger, report: @escaping @Sendable (any Error, String) -> Void = { _, _ in }) {
        self.name = name
        self.logger = logger
        self.report = report
    }

    /// Whether the last attempt failed.
    var isFailing: Bool { since != nil }

    /// Records a failed attempt, logging only an outage's first failure of each kind; returns the next wait.
    mutating func failed(_ error: any Error) -> Double {
        // Every lost or refused connection is one kind; a failing statement after a reconnect is another.
        let kind = (error as? PostgresError)?.isConnectionError == true ? "connection" : "\(error)"
        if since == nil || kind != lastKind {
            logger.warning("\(name): \(error); retrying with backoff up to \(cap) s")
            report(error, name)
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
