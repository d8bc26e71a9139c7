#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferCron
import GafferMonitorModel
import TerminalKit

extension PaneContent {
    /// The rows `pane` shows for `snapshot`, after the filter, in `sort`'s order.
    static func build(_ pane: Pane, _ snapshot: MonitorSnapshot, filter: Filter, sort: ColumnSort? = nil) -> PaneContent {
        var content: PaneContent
        switch pane {
        case .threads: content = threads(snapshot)
        case .queues: content = queues(snapshot)
        case .limits: content = limits(snapshot)
        case .failures: content = failures(snapshot)
        case .cron: content = cron(snapshot)
        case .processes: content = processes(snapshot)
        }
        let total = content.rows.count
        content.rows = content.rows.filter { filter.matches($0.fields) }
        if !filter.isEmpty {
            content.trailing = "\(content.rows.count)/\(total) shown"
            if content.rows.isEmpty && total > 0 { content.emptyMessage = "nothing matches the filter" }
        }
        if let sort {
            content.rows = sort.apply(content.rows)
            content.columns = sort.marking(content.columns)
        }
        return content
    }

    /// A row; the fields it does not pass are ones it does not have, which qualified filter terms skip.
    static func row(_ key: String, _ cells: [TableCell], _ target: PaneRow.Target, queue: String? = nil,
                    jobClass: String? = nil, labels: [String]? = nil, error: String? = nil) -> PaneRow {
        PaneRow(key: key, cells: cells,
                fields: RowFields(queue: queue, jobClass: jobClass, labels: labels, error: error,
                                  text: cells.map(\.text).joined(separator: " ")),
                target: target)
    }

    static func threads(_ s: MonitorSnapshot) -> PaneContent {
        let now = s.takenAt
        var rows: [PaneRow] = []
        if let local = s.local {
            for slot in local.slots {
                // With several pools, a slot is named by its pool too: `[` and `]` change the selected one's.
                let slotName = (local.pools.count > 1 ? "\(slot.pool + 1)" : "") + "#\(slot.index + 1)"
                let key = "slot-\(slot.pool)-\(slot.index)"
                if let job = slot.job {
                    rows.append(row(key, [
                        TableCell(slotName),
                        slot.retiring ? TableCell("last", style: Style(.warning)) : TableCell("run", style: Style(.running)),
                        TableCell(Format.name(job.jobClass)), TableCell(Format.name(job.queue)),
                        TableCell(Format.elapsed(now.timeIntervalSince(job.startedAt))), TableCell(String(job.attempt)),
                    ], .localSlot(slot, paused: local.isPaused), queue: job.queue, jobClass: job.jobClass))
                } else {
                    let word = local.isPaused ? "paused" : "idle"
                    rows.append(row(key, [
                        TableCell(slotName), TableCell(word, style: Style(local.isPaused ? .paused : .muted)),
                    ], .localSlot(slot, paused: local.isPaused), queue: "", jobClass: ""))
                }
            }
        }
        let hosts = Dictionary(s.processes.map { ($0.id, "\($0.hostname):\($0.pid.map(String.init) ?? "?")") },
                               uniquingKeysWith: { a, _ in a })
        for job in s.running {
            let owner = job.processID.flatMap { hosts[$0] } ?? "?"
            rows.append(row(job.id.uuidString, [
                TableCell(Format.clean(owner)), TableCell("run", style: Style(.running)),
                TableCell(Format.name(job.jobClass)), TableCell(Format.name(job.queue)),
                TableCell(Format.elapsed(now.timeIntervalSince(job.performedAt))), TableCell(String(job.attempt)),
            ], .runningJob(job), queue: job.queue, jobClass: job.jobClass))
        }
        var trailing = "\(s.running.count) elsewhere"
        if let local = s.local {
            // Busy of the threads asked for; slots retiring after a shrink are counted apart.
            let retiring = local.retiringSlots
            trailing = "\(local.busyThreads)/\(local.threads) busy" + (retiring > 0 ? " · \(retiring) retiring" : "")
                + (local.isPaused ? " · PAUSED" : "") + (s.running.isEmpty ? "" : " · \(s.running.count) elsewhere")
        }
        return PaneContent(
            columns: [TableColumn("where", minWidth: 5, maxWidth: 22), TableColumn("", minWidth: 4, maxWidth: 6),
                      TableColumn("job", minWidth: 9, maxWidth: 40, flex: 2), TableColumn("queue", minWidth: 5, maxWidth: 16),
                      .numeric("time", minWidth: 5), .numeric("try", minWidth: 3)],
            rows: rows, trailing: trailing,
            emptyMessage: s.local == nil ? "no job is running" : "no worker slots")
    }

    static func queues(_ s: MonitorSnapshot) -> PaneContent {
        let names = Set(s.queueNames + s.queues.map(\.name) + s.settings.pausedQueues).sorted()
        let stats = Dictionary(s.queues.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = names.map { name -> PaneRow in
            let q = stats[name] ?? QueueStats(name: name)
            let paused = s.settings.pausedQueues.contains(name)
            let latency = q.oldestReadyAt.map { Format.age(s.takenAt.timeIntervalSince($0)) } ?? "-"
            func n(_ value: Int, _ role: ThemeRole, estimate: Bool = false) -> TableCell {
                TableCell(Format.count(value, estimate: estimate), style: Style(value == 0 ? .muted : role))
            }
            let discarded = Format.count(q.discarded) + (s.discardedCapped && q.discarded > 0 ? "+" : "")
            return row("queue-\(name)", [
                TableCell(Format.name(name) + (paused ? " (paused)" : ""),
                          style: paused ? Style(.paused) : nil),
                n(q.queued, .queued, estimate: q.isEstimate), n(q.scheduled, .scheduled, estimate: q.isEstimate),
                n(q.running, .running), n(q.retried, .retried, estimate: q.isEstimate),
                TableCell(discarded, style: Style(q.discarded == 0 ? .muted : .discarded)),
                TableCell(latency), TableCell(Sparkline(s.throughput.series(for: name)).glyphs(width: 8),
                                              style: Style(.sparkline)),
            ], .queue(name: name, paused: paused), queue: name)
        }
        let ready = s.queues.reduce(0) { $0 + $1.queued }
        let estimated = s.queues.contains(where: \.isEstimate)
        return PaneContent(
            columns: [TableColumn("queue", minWidth: 7, maxWidth: 28),
                      .numeric("ready", minWidth: 5), .numeric("sched"), .numeric("run", minWidth: 3),
                      .numeric("retry"), .numeric("disc"), .numeric("wait", minWidth: 4),
                      TableColumn("rate", minWidth: 4, maxWidth: 8)],
            rows: rows, trailing: "\(Format.count(ready, estimate: estimated)) ready" + (estimated ? " · ≈ estimated" : ""),
            emptyMessage: "no jobs in any queue")
    }

    /// Per concurrency key: what the database shows running and waiting, and, under `gaffer start`,
    /// the app's limit and throttle window from the local worker's limiter (`gaffer top` cannot know
    /// the Ruby or Swift rules, so it shows `–`).
    static func limits(_ s: MonitorSnapshot) -> PaneContent {
        let rules = Dictionary(grouping: s.local?.limits ?? [], by: \.key)
        let counted = Dictionary(s.concurrencyKeys.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = s.concurrencyKeys.map(\.key) + rules.keys.filter { counted[$0] == nil }.sorted()
        let rows = keys.map { key in
            let states = rules[key] ?? []
            let running = counted[key]?.running ?? states.map(\.inUse).max() ?? 0
            let waiting = counted[key]?.waiting ?? states.map(\.waiting).max() ?? 0
            let limit = states.compactMap(\.limit).min()
            let window = states.first { $0.windowLimit != nil }
            let nextFree = states.compactMap(\.nextFree).max()
            let blocked = states.contains { $0.isBlocked }
            // At the throttle's pace, with the database's waiting count (the fresher one).
            let clears = states.compactMap { state -> Double? in
                var fresh = state
                fresh.waiting = waiting
                return fresh.secondsToClear
            }.max()
            return row("key-\(key)", [
                TableCell(Format.clean(key), style: Style(blocked ? .warning : .text)),
                TableCell(String(running), style: Style(.running)),
                TableCell(String(waiting), style: Style(waiting == 0 ? .muted : .queued)),
                TableCell(limit.map(String.init) ?? "–", style: Style(limit.map { running >= $0 } == true ? .warning : .text)),
                TableCell(window.map { "\($0.windowCount ?? 0)/\($0.windowLimit ?? 0)" } ?? "–",
                          style: Style(window?.isThrottled == true ? .warning : .text)),
                TableCell(clears.map { "≈" + Format.age($0) } ?? ""),
                TableCell(nextFree.map { Format.duration(max(0, $0.timeIntervalSince(s.takenAt))) } ?? ""),
                TableCell(Format.clean(states.map { shortRule($0.rule) }.joined(separator: "; ")), style: Style(.muted)),
            ], .concurrencyKey(key))
        }
        return PaneContent(
            columns: [TableColumn("key", minWidth: 8, flex: 1), .numeric("run", minWidth: 3),
                      .numeric("wait"), .numeric("limit"), .numeric("window", minWidth: 6), .numeric("clears", minWidth: 6),
                      .numeric("free in", minWidth: 7), TableColumn("rule", minWidth: 4, flex: 2)],
            rows: rows, trailing: Format.counted(rows.count, "key"), emptyMessage: "no concurrency keys in use")
    }

    /// A limiter rule in few columns: `perform_limit: 2, perform_throttle: [2, 1s]` reads `run ≤2, 2 per 1s`.
    static func shortRule(_ rule: String) -> String {
        rule.replacingOccurrences(of: "perform_limit: ", with: "run ≤")
            .replacingOccurrences(of: "enqueue_limit: ", with: "enqueued ≤")
            .replacingOccurrences(of: "total_limit: ", with: "total ≤")
            .replacingOccurrences(of: #"perform_throttle: \[(\d+), ([^\]]+)\]"#, with: "$1 per $2", options: .regularExpression)
            .replacingOccurrences(of: #"enqueue_throttle: \[(\d+), ([^\]]+)\]"#, with: "enqueue $1 per $2",
                                  options: .regularExpression)
    }

    static func failures(_ s: MonitorSnapshot) -> PaneContent {
        let rows = s.failures.map { g in
            row("\(g.kind.rawValue)-\(g.errorClass)-\(g.jobClass)-\(g.firstFrame ?? "")", [
                TableCell(g.kind == .discarded ? "disc" : "retry", style: Style(g.kind == .discarded ? .discarded : .retried)),
                TableCell(failureCount(g.lastHour, g), style: Style(g.lastHour == 0 ? .muted : .text)),
                TableCell(failureCount(g.lastDay, g)), TableCell(Format.age(s.takenAt.timeIntervalSince(g.latestAt))),
                TableCell(Format.clean(g.errorClass)), TableCell(Format.name(g.jobClass)),
                TableCell(g.firstFrame.map { Format.clean(Format.frameSite($0)) } ?? "", style: Style(.info)),
            ], .failure(g), jobClass: g.jobClass, error: g.errorClass)
        }
        let hour = s.failures.reduce(0) { $0 + $1.lastHour }
        let estimated = s.failures.contains(where: \.isEstimate)
        return PaneContent(
            columns: [TableColumn("", minWidth: 5, maxWidth: 5), .numeric("1h", minWidth: 3),
                      .numeric("24h", minWidth: 3, givesWay: true), .numeric("last", minWidth: 5, givesWay: true),
                      TableColumn("error", minWidth: 7, maxWidth: 40, flex: 2),
                      TableColumn("job", minWidth: 6, maxWidth: 40, flex: 1),
                      TableColumn("at", minWidth: 0, maxWidth: 40, flex: 1, growsLast: true)],
            rows: rows, trailing: "\(estimated ? Format.count(hour, estimate: true) : String(hour)) in 1h"
                + (estimated ? " · ≈ sampled" : ""), emptyMessage: "no failures in 24 h")
    }

    /// A failure group's count: exact in full, an estimate short and marked (`≈12k`).
    static func failureCount(_ n: Int, _ group: FailureGroup) -> String {
        group.isEstimate ? Format.count(n, estimate: true) : String(n)
    }

    /// Cron keys seen in the database (job rows, then enable/disable settings) and, under `gaffer start`,
    /// the worker's own entries: their schedule and exact next fire time. Keys known only from rows get
    /// an estimate (`~`) from the gap between their last two fire times.
    static func cron(_ s: MonitorSnapshot) -> PaneContent {
        let schedules = Dictionary((s.local?.cron ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let runs = Dictionary(s.cron.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var keys = s.cron.map(\.key) + (s.local?.cron ?? []).map(\.key).filter { runs[$0] == nil }
        var listed = Set(keys)
        keys += (s.settings.cronKeysEnabled + s.settings.cronKeysDisabled).filter { listed.insert($0).inserted }
        let rows = keys.map { key -> PaneRow in
            let run = runs[key]
            let schedule = schedules[key]
            // Keys only the database knows are on unless disabled: GoodJob's default for an entry.
            let disabled = !s.settings.isCronEnabled(key, byDefault: schedule?.enabledByDefault ?? true)
            let last = run?.lastCronAt.map { Format.age(s.takenAt.timeIntervalSince($0)) } ?? "-"
            let jobClass = run?.jobClass ?? schedule?.jobClass ?? ""
            return row("cron-\(key)", [
                TableCell(Format.clean(key)),
                TableCell(disabled ? "off" : nextFire(schedule, run, now: s.takenAt), style: disabled ? Style(.paused) : nil),
                TableCell(run?.lastState.rawValue ?? "never", style: Style(run.map { role($0.lastState) } ?? .muted)),
                TableCell(last), TableCell(Format.clean(schedule?.scheduleText ?? ""), style: Style(.muted)),
                TableCell(disabled ? "off" : "on", style: Style(disabled ? .paused : .muted)),
                TableCell(Format.name(jobClass)),
            ], .cron(key: key, lastJobID: run?.lastJobID, lastState: run?.lastState, enabled: !disabled), jobClass: jobClass)
        }
        return PaneContent(
            columns: [TableColumn("key", minWidth: 8, maxWidth: 30), .numeric("next", minWidth: 4),
                      TableColumn("last run", minWidth: 9), .numeric("ago", minWidth: 3),
                      TableColumn("schedule", minWidth: 8, maxWidth: 16),
                      TableColumn("on", minWidth: 3), TableColumn("job", minWidth: 4, flex: 1)],
            rows: rows, trailing: Format.counted(rows.count, "key"), emptyMessage: "no cron jobs seen")
    }

    /// Time to the next fire: exact from the schedule, else estimated from the last two fires.
    static func nextFire(_ schedule: LocalWorkerSnapshot.CronSchedule?, _ run: CronKeyRun?, now: Date) -> String {
        if let schedule {
            return schedule.schedule.next(after: now).map { Format.age($0.timeIntervalSince(now)) } ?? "-"
        }
        guard let last = run?.lastCronAt, let previous = run?.previousCronAt, last > previous else { return "-" }
        let due = last.addingTimeInterval(last.timeIntervalSince(previous))
        return due > now ? "~" + Format.age(due.timeIntervalSince(now)) : "due"
    }

    static func processes(_ s: MonitorSnapshot) -> PaneContent {
        let rows = s.processes.map { p -> PaneRow in
            let isLocal = p.id == s.local?.processID
            let beat = Format.age(s.takenAt.timeIntervalSince(p.heartbeatAt))
            return row("process-\(p.id.uuidString)", [
                TableCell(Format.clean(p.hostname) + (isLocal ? " *" : "")),
                // The local worker's own row from memory, as Threads shows it; others from their heartbeat.
                TableCell(p.pid.map(String.init) ?? "?"),
                TableCell(isLocal ? s.local.map { "\($0.busyThreads)/\($0.threads)" } ?? "" : "\(p.activeThreads)/\(p.maxThreads)"),
                TableCell(p.memoryKiB.map { "\($0 / 1024)M" } ?? "?"),
                TableCell(p.isActive ? beat : "\(beat) stale", style: Style(p.isActive ? .ok : .warning)),
                TableCell(Format.clean(p.pools)),
            ], .process(p))
        }
        let active = s.processes.filter(\.isActive).count
        return PaneContent(
            columns: [TableColumn("host", minWidth: 8, maxWidth: 24), .numeric("pid", minWidth: 3),
                      .numeric("thr", minWidth: 3), .numeric("mem", minWidth: 4), .numeric("beat", minWidth: 8),
                      TableColumn("pools", minWidth: 5, flex: 1)],
            rows: rows, trailing: "\(active) active", emptyMessage: "no worker processes")
    }

    static func role(_ state: JobState) -> ThemeRole {
        switch state {
        case .queued: .queued
        case .scheduled: .scheduled
        case .retried: .retried
        case .running: .running
        case .succeeded: .ok
        case .discarded: .discarded
        }
    }
}
