#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    static func drawJobList(_ list: JobListView, _ s: MonitorSnapshot, _ state: UIState, into buffer: inout CellBuffer,
                            area: Rect) {
        let jobs = state.visibleJobs(list)
        let all = list.total.map { $0 >= 100_000 ? "100,000+" : Format.grouped($0) }
            ?? list.jobs.map { "\($0.count)\(list.exhausted ? "" : "+")" } ?? "…"
        let trailing = (list.filter.isEmpty ? "" : "/\(Format.clean(list.filter.text)) · ")
            + (list.atStart ? "" : "last ") + "\(jobs.count) of \(all)"
            + (list.marks.isEmpty ? "" : " · \(list.marks.count) marked")
            + (list.allMatching ? " · all \(all) selected" : "")
        let inside = Frame(title: "Jobs · \(Format.clean(list.title))", trailing: trailing, isFocused: true)
            .render(into: &buffer, area: area)
        guard inside.height > 1 else { return }
        var x = inside.x
        for state in tabOrder {
            let current = state == list.scope.state
            x += buffer.put(current ? "[\(state.rawValue)]" : " \(state.rawValue) ", x: x, y: inside.y,
                            style: Style(current ? .selection : .muted))
            x += 1
        }
        // The list is always sorted by its time column: the header says which time and which way.
        let timeTitle = sortTitle(list.scope) + (list.scope.isNewestFirst ? "▼" : "▲")
        let rows = jobs.map { job -> [TableCell] in
            let delta = job.sortAt.timeIntervalSince(s.takenAt)
            let when = delta > 0 ? "in " + Format.age(delta) : Format.age(-delta) + " ago"
            return [
                TableCell(list.marks.contains(job.id) ? "*" : " ", style: Style(.marked)),
                TableCell(Format.shortID(job.id), style: Style(.muted)), TableCell(Format.name(job.jobClass)),
                TableCell(Format.name(job.queue)), TableCell(String(job.attempts)), TableCell(when),
                TableCell(Format.clean(job.labels.joined(separator: ","))
                          + (job.labelCount > job.labels.count ? ",+\(job.labelCount - job.labels.count)" : "")),
                TableCell(Format.clean(job.error ?? ""), style: Style(.error)),
            ]
        }
        let table = Table(
            columns: [TableColumn("", minWidth: 1, maxWidth: 1), TableColumn("id", minWidth: 8, maxWidth: 8),
                      TableColumn("job", minWidth: 6, maxWidth: 28, flex: 1), TableColumn("queue", minWidth: 5, maxWidth: 16),
                      .numeric("try", minWidth: 3), .numeric(timeTitle, minWidth: 9),
                      TableColumn("labels", minWidth: 6, maxWidth: 20), TableColumn("error", minWidth: 5, flex: 3)],
            rows: rows, selection: list.selection.resolved(in: jobs.map(\.id.uuidString)),
            emptyMessage: list.jobs == nil ? "loading…" : "no \(list.scope.state.rawValue) jobs here")
        table.render(into: &buffer, area: inside.inset(top: 1))
    }
}
