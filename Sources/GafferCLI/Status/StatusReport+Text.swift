import Foundation
import GafferMonitorModel
import TerminalKit

/// `gaffer status` for people: aligned tables, one section per concern.
extension StatusReport {
    /// The report's lines, every database text in them with its controls made visible (never obeyed by the terminal).
    var lines: [String] { rawLines.map { Sanitizer.visible($0) } }

    private var rawLines: [String] {
        var out: [String] = []
        let header = ["QUEUE", "QUEUED", "SCHEDULED", "RUNNING", "RETRIED", "DISCARDED", "SUCCEEDED 1H", "LATENCY"]
        var table = queues.map(cells)
        if queues.count > 1 || queues.isEmpty { table.append(cells(totals)) }
        if queues.isEmpty { table = [["(no jobs)"] + Array(repeating: "", count: header.count - 1)] }
        out += Self.align([header] + table, rightAligned: Set(1..<header.count))
        if discardedCapped { out.append("(discarded counts stop at the newest 10000)") }
        if countsEstimated {
            out.append("(≈ estimated from a sample: more than \(MonitorLimits.exactCountCap) jobs are unfinished)")
        }
        if let replica { out.append(Self.replicaNote(replica)) }

        out.append("")
        out.append("PROCESSES  \(processes.isEmpty ? "none" : "\(processes.count)")")
        for p in processes {
            let age = Self.duration(generatedAt.timeIntervalSince(p.heartbeatAt))
            out.append("  \(p.hostname) pid \(p.pid.map(String.init) ?? "?")  \(p.activeThreads)/\(p.maxThreads) threads busy"
                + "  queues \(p.pools.isEmpty ? "?" : p.pools)  heartbeat \(age) ago\(p.isActive ? "" : "  (inactive)")")
        }

        out.append("")
        out.append("FAILURES (24 h)" + (failures.isEmpty ? "  none" : ""))
        if !failures.isEmpty {
            out += Self.align([["  ERROR CLASS", "JOB CLASS", "STATE", "1H", "24H"]]
                + failures.map { ["  " + $0.errorClass, $0.jobClass, $0.kind.rawValue, Self.count($0.lastHour, $0.isEstimate),
                                  Self.count($0.lastDay, $0.isEstimate)] },
                rightAligned: [3, 4])
        }
        let sampled = failures.compactMap(\.sampled)
        if !sampled.isEmpty {
            out.append("(≈ retrying failures scaled up from \(sampled.reduce(0, +)) found in a sample of "
                + "\(MonitorLimits.exactCountCap + 1) unfinished jobs: more than \(MonitorLimits.exactCountCap) are unfinished)")
        }

        out.append("")
        out.append("CRON" + (cron.isEmpty ? "  none" : ""))
        if !cron.isEmpty {
            out += Self.align([["  KEY", "SCHEDULE", "CLASS", "LAST RUN", "STATE"]] + cron.map {
                ["  " + $0.key, $0.schedule ?? "-", $0.jobClass.isEmpty ? "-" : $0.jobClass, $0.lastCronAt.map(Self.clock) ?? "never", $0.lastState ?? "-"]
            })
        }
        if !limits.isEmpty {
            out.append("")
            out.append("LIMITS")
            out += Self.align([["  KEY", "RULE", "RUNNING", "WAITING", "WINDOW"]] + limits.map { state in
                let window = state.windowLimit.map { "\(state.windowCount ?? 0)/\($0)" } ?? "-"
                return ["  " + state.key, state.rule.isEmpty ? "-" : state.rule, "\(state.inUse)\(state.limit.map { "/\($0)" } ?? "")", "\(state.waiting)", window]
            }, rightAligned: [2, 3, 4])
        }
        if !batches.isEmpty {
            out.append("")
            out.append("BATCHES  newest \(batches.count)")
            out += Self.align([["  ID", "DESCRIPTION", "STATE", "JOBS", "DISCARDED", "CALLBACKS"]] + batches.map {
                ["  " + String($0.id.uuidString.lowercased().prefix(8)), $0.description ?? "-", $0.state.rawValue,
                 "\($0.jobsFinished)/\($0.jobs)", "\($0.jobsDiscarded)", "\($0.callbacksFinished)/\($0.callbacks)"]
            }, rightAligned: [3, 4, 5])
        }
        let pauses = paused.pausedQueues.map { "queue \($0)" } + paused.pausedJobClasses.map { "class \($0)" }
            + paused.pausedLabels.map { "label \($0)" }
        if !pauses.isEmpty {
            out.append("")
            out.append("PAUSED  " + pauses.joined(separator: ", "))
        }
        return out
    }

    private func cells(_ row: QueueRow) -> [String] {
        let latency = row.oldestReadyAt.map { Self.duration(generatedAt.timeIntervalSince($0)) } ?? "-"
        return [row.name.isEmpty ? "(none)" : row.name, Self.count(row.queued, countsEstimated),
                Self.count(row.scheduled, countsEstimated), "\(row.running)", Self.count(row.retried, countsEstimated),
                "\(row.discarded)", "\(row.succeededLastHour)", latency]
    }

    /// An exact count in full; an estimate short and marked, so it shows no more digits than it has (`≈285k`).
    static func count(_ n: Int, _ estimate: Bool) -> String { estimate ? CountText.of(n, estimate: true) : "\(n)" }

    /// Pads cells to their column's width: left-aligned, except the `rightAligned` columns (numbers).
    static func align(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let rows = rows.map { $0.map { Sanitizer.visible($0) } }
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").trailingSpacesRemoved
        }
    }

    /// `850 ms`, `12 s`, `4 min`, `3 h`, `2 d`.
    static func duration(_ seconds: Double) -> String {
        let s = max(0, seconds)
        if s < 1 { return "\(Int(s * 1000)) ms" }
        if s < 120 { return "\(Int(s)) s" }
        if s < 7200 { return "\(Int(s / 60)) min" }
        if s < 172_800 { return "\(Int(s / 3600)) h" }
        return "\(Int(s / 86_400)) d"
    }

    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss'Z'"
        return formatter.string(from: date)
    }

    /// Where the counts came from when `--replica-url` was given, and how old they may be.
    static func replicaNote(_ lag: ReplicaLag) -> String {
        guard lag.isStandby else { return "(read from --replica-url, which is not a standby: these are a primary's rows)" }
        if lag.isCaughtUp { return "(read from the replica, caught up with the primary)" }
        return "(read from the replica, \(duration(lag.seconds)) behind the primary: \(lag.bytes) bytes of WAL to replay)"
    }
}
