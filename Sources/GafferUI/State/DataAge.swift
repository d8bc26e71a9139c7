import Foundation
import GafferMonitorModel

/// How old the screen's data is at the moment it is drawn, and whether it is stale.
///
/// Each pane's data is as old as the refresh that read it: Threads and Queues every refresh,
/// Limits, Failures, Cron and Processes every few seconds. The data is stale while refreshes fail
/// (the database unreachable) or when the last one is older than three refresh intervals; then
/// the whole screen says so (banner, greyed numbers, the age counting up) until a refresh succeeds.
struct DataAge: Sendable, Hashable {
    /// Seconds since Threads and Queues were read.
    var fast: Double
    /// Seconds since the slower panes were read.
    var slow: Double
    /// Seconds since the failures were read (they may refresh less often than the other slow panes).
    var failures: Double
    var isStale: Bool
    /// Seconds the refreshes have been failing; nil while they succeed.
    var failingFor: Double?

    init(_ snapshot: MonitorSnapshot, now: Date) {
        fast = max(0, now.timeIntervalSince(snapshot.takenAt))
        slow = max(0, now.timeIntervalSince(snapshot.slowTakenAt ?? snapshot.takenAt))
        failures = max(0, now.timeIntervalSince(snapshot.failuresTakenAt ?? snapshot.slowTakenAt ?? snapshot.takenAt))
        failingFor = snapshot.refresh.failingSince.map { max(0, now.timeIntervalSince($0)) }
        isStale = !snapshot.refresh.isLoading
            && (snapshot.refresh.error != nil || fast > max(5, snapshot.refresh.interval * 3))
    }

    /// The age of `pane`'s data.
    func of(_ pane: Pane) -> Double {
        switch pane {
        case .threads, .queues: fast
        case .failures: failures
        case .limits, .cron, .processes: slow
        }
    }

    /// `live` while fresh (under 2 s), else `12s old`.
    static func label(_ seconds: Double) -> String { seconds < 2 ? "live" : Format.age(seconds) + " old" }
}
