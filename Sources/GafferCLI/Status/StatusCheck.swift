import Foundation
import GafferMonitorModel
import GafferStore
import Postgres
import TerminalKit

/// `gaffer status --check`: the alerts as one Nagios plugin line and exit code (0 ok, 1 warning,
/// 2 critical, 3 unknown), for cron jobs and monitoring systems.
struct StatusCheck {
    var alerts: [Alert]
    var thresholds: AlertThresholds

    /// The exit code of an input the check cannot judge: a bad flag or config, an unreachable database.
    static let unknownCode: Int32 = 3

    /// The alerts' inputs from the monitor's own bounded queries: the queue counts estimate above
    /// `MonitorLimits.exactCountCap` unfinished jobs and skip discarded counts, so the cost does not grow with the table.
    static func inputs(_ db: PostgresConnection, now: Date) async throws -> AlertInputs {
        AlertInputs(queues: try await MonitorQueries.queueCounts(db, now: now, discarded: false),
                    failures: try await MonitorQueries.failureGroups(db, now: now),
                    processes: try await MonitorQueries.processes(db, now: now),
                    settings: try await MonitorQueries.settings(db))
    }

    var level: AlertLevel { AlertCheck.worst(alerts) }

    var exitCode: Int32 { Int32(level.rawValue) }

    /// `GAFFER WARNING - default waits 6m (warning at 5m) | latency=360s;300;900;0 …`: the breaches
    /// (or, when none, every reading), then Nagios performance data.
    var line: String {
        let breaches = AlertCheck.breaches(alerts)
        let text = breaches.isEmpty ? alerts.map(\.summary).joined(separator: ", ")
            : breaches.map { $0.reason(thresholds[$0.metric]) }.joined(separator: "; ")
        return "GAFFER \(level.word) - \(Sanitizer.visible(text)) | \(performanceData)"
    }

    /// `label=value[s];warn;crit;0` per metric.
    var performanceData: String {
        alerts.map { alert in
            let unit = alert.metric.isDuration ? "s" : ""
            let limit = thresholds[alert.metric]
            func number(_ value: Double?) -> String { value.map { String(Int($0.rounded())) } ?? "" }
            return "\(alert.metric.rawValue)=\(number(alert.value))\(unit);\(number(limit.warning));\(number(limit.critical));0"
        }.joined(separator: " ")
    }

    /// The one line for a check that could not judge.
    static func unknown(_ reason: String) -> String {
        let first = reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason
        return "GAFFER UNKNOWN - \(first)"
    }
}
