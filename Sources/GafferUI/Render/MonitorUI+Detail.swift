#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// The detail view's lines: facts, why it is not running, error, arguments, then every attempt
    /// with its backtrace.
    static func detailLines(_ view: DetailView, _ s: MonitorSnapshot) -> [StyledLine] {
        guard let job = view.detail else {
            return [StyledLine(view.missing ? "This job no longer exists." : "loading…", .muted)]
        }
        let now = s.takenAt
        func ago(_ date: Date?) -> String? {
            guard let date else { return nil }
            let delta = date.timeIntervalSince(now)
            return delta > 0 ? "in " + Format.age(delta) : Format.age(-delta) + " ago"
        }
        var lines: [StyledLine] = [
            StyledLine("id \(job.id.uuidString.lowercased()) · \(job.state.rawValue)", PaneContent.role(job.state)),
            StyledLine("queue \(Format.name(job.queue)) · priority \(job.priority.map(String.init) ?? "-")"
                       + " · attempts \(job.attempts)"),
            StyledLine("why not running: " + Blocker.first(for: job, in: s, now: now).description(now: now), .warning),
        ]
        let times = [("created", ago(job.createdAt)), ("due", ago(job.scheduledAt)), ("started", ago(job.performedAt)),
                     ("finished", ago(job.finishedAt))].compactMap { name, value in value.map { "\(name) \($0)" } }
        lines.append(StyledLine(times.joined(separator: " · "), .muted))
        if !job.labels.isEmpty {
            let more = job.labelCount - job.labels.count
            lines.append(StyledLine((more > 0 ? "labels (\(job.labelCount)): " : "labels: ")
                                    + job.labels.map(Format.clean).joined(separator: ", ") + (more > 0 ? ", … \(more) more" : "")))
        }
        var extras: [String] = []
        if let key = job.concurrencyKey { extras.append("concurrency key \(Format.clean(key))") }
        if let cron = job.cronKey { extras.append("cron \(Format.clean(cron))") }
        if let owner = job.lockedByProcess { extras.append("claimed by process \(Format.shortID(owner))") }
        if !extras.isEmpty { lines.append(StyledLine(extras.joined(separator: " · "), .muted)) }
        if let error = job.error {
            lines.append(StyledLine("error: " + Format.clean(error), .error))
            lines += cutNote(job.errorLength - error.count, indent: 0)
        }
        if let problem = job.payloadProblem { lines.append(StyledLine(Format.clean(problem), .error)) }
        lines.append(StyledLine("arguments:", .header))
        lines.append(StyledLine(Format.clean(job.arguments), indent: 2))
        lines += cutNote(job.argumentsLength - job.arguments.count, indent: 2)
        let shown = job.executions.count
        lines.append(StyledLine("attempts (\(shown == job.executionCount ? "\(shown)" : "newest \(shown) of \(job.executionCount)")):",
                                .header))
        if job.executions.isEmpty { lines.append(StyledLine("none recorded", .muted, indent: 2)) }
        for (index, execution) in job.executions.enumerated() {
            var facts = ["#\(job.executionCount - index)", "started \(ago(execution.startedAt) ?? "-")"]
            if let wait = execution.queueLatency { facts.append("waited \(Format.duration(max(0, wait)))") }
            if let ran = execution.duration { facts.append("ran \(Format.duration(ran))") }
            if execution.finishedAt == nil { facts.append("not finished") }
            lines.append(StyledLine(facts.joined(separator: " · "), indent: 2))
            if let error = execution.error {
                lines.append(StyledLine(Format.clean(error), .error, indent: 4))
                lines += cutNote(execution.errorLength - error.count, indent: 4)
            }
            lines += backtraceLines(execution, full: view.fullTrace)
        }
        return lines
    }

    /// The detail view's lines as plain text for the command line (`gaffer show`): the same facts, indented,
    /// already cleaned of control characters; backtraces in full.
    public static func detailText(_ detail: JobDetail, _ snapshot: MonitorSnapshot) -> [String] {
        detailLines(DetailView(id: detail.id, detail: detail, fullTrace: true), snapshot).map {
            String(repeating: " ", count: $0.indent) + $0.text
        }
    }

    /// An attempt's backtrace: the application's frames highlighted; the others (the engine's, the
    /// runtime's, gems') shown only in the full trace (`t`), as GoodJob's dashboard and Rails' cleaner do.
    /// A trace with no application frame is shown whole.
    static func backtraceLines(_ execution: JobDetail.Execution, full: Bool) -> [StyledLine] {
        let frames = execution.backtrace.map { (text: $0, app: BacktraceFrame.isApplication($0)) }
        let appCount = frames.filter(\.app).count
        let whole = full || appCount == 0
        var lines = frames.filter { whole || $0.app }.map { StyledLine(Format.clean($0.text), $0.app ? .info : .muted, indent: 4) }
        if !whole && frames.count > appCount {
            lines.append(StyledLine("… \(frames.count - appCount) framework frames hidden (t: full trace)", .muted, indent: 4))
        }
        let missing = execution.backtraceLineCount - execution.backtrace.count
        if missing > 0 { lines.append(StyledLine("… \(missing) more lines not loaded", .muted, indent: 4)) }
        return lines
    }

    /// The line saying how much of a cut field was not loaded; none when nothing was cut.
    static func cutNote(_ missing: Int, indent: Int) -> [StyledLine] {
        missing > 0 ? [StyledLine("… \(missing) more characters not loaded", .muted, indent: indent)] : []
    }
}
