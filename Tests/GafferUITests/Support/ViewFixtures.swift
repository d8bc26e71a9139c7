import Foundation
import GafferMonitorModel

/// History and log data for the history and log views, over `Fixtures.now`.
enum ViewFixtures {
    /// A last hour with a rising rate in `default`, a steady `mailers` and failures in the last minutes.
    static func history(_ span: JobHistory.Span = .hour) -> JobHistory {
        let first = JobHistory.firstBucket(span, now: Fixtures.now)
        let counts = (0..<span.bucketCount).flatMap { index -> [JobHistory.Count] in
            [JobHistory.Count(queue: "default", bucket: first + index, succeeded: index / 2 + (index % 7 == 0 ? 9 : 0),
                              failed: index > span.bucketCount - 6 ? 2 : 0),
             JobHistory.Count(queue: "mailers", bucket: first + index, succeeded: 3, failed: index == 20 ? 1 : 0)]
        } + [JobHistory.Count(queue: "evil\u{1b}[2J", bucket: first + span.bucketCount - 1, succeeded: 1, failed: 0)]
        return JobHistory(span: span, now: Fixtures.now, counts: counts)
    }

    /// Forty lines: job lines at every level, a hostile message, and 5 lines older than the ring holds.
    static var log: LogRing {
        var ring = LogRing(capacity: 40)
        for n in 0..<45 {
            let level = LogEntry.Level.allCases[n % 4]
            let message: String
            switch level {
            case .debug: message = "ImportOrdersJob \(Fixtures.id(100 + n)): done (attempt 1, queue default)"
            case .info: message = n == 41 ? "evil \u{1b}]0;pwned\u{07} line" : "cleanup: deleted \(n) preserved job(s)"
            case .warning: message = "notifier: connection lost; polling carries on"
            case .error: message = "SyncInventoryJob \(Fixtures.id(100 + n)): Net::ReadTimeout: timed out after 30s"
            }
            ring.append(LogEntry.parsing(level: level, at: Fixtures.now.addingTimeInterval(Double(n - 45)), message: message))
        }
        return ring
    }

    static var snapshotWithLog: MonitorSnapshot {
        var snapshot = Fixtures.snapshot
        snapshot.local?.log = log
        return snapshot
    }
}
