import Foundation
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// The batches view: one row per batch, newest first, with its jobs' and callbacks' progress.
    static func drawBatchList(_ view: BatchListView, _ s: MonitorSnapshot, _ state: UIState,
                              into buffer: inout CellBuffer, area: Rect) {
        let batches = state.visibleBatches(s)
        let trailing = (view.filter.isEmpty ? "" : "/\(Format.clean(view.filter.text)) · ")
            + "\(batches.count) of \(s.batches.count) newest"
        let inside = Frame(title: "Batches", trailing: trailing, isFocused: true)
            .render(into: &buffer, area: area)
        let rows = batches.map { batch -> [TableCell] in
            let percent = batch.jobs == 0 ? 100 : batch.jobsFinished * 100 / batch.jobs
            return [
                TableCell(Format.shortID(batch.id), style: Style(.muted)),
                TableCell(Format.clean(batch.description ?? "")),
                TableCell(batch.state.rawValue, style: Style(Self.role(batch.state))),
                TableCell("\(batch.jobsFinished)/\(batch.jobs) \(percent)%"),
                TableCell(String(batch.jobsDiscarded), style: Style(batch.jobsDiscarded > 0 ? .discarded : .text)),
                TableCell("\(batch.callbacksFinished)/\(batch.callbacks)"),
                TableCell(Format.clean(batch.callbackClasses.joined(separator: " "))),
                TableCell(Format.age(s.takenAt.timeIntervalSince(batch.createdAt)) + " ago"),
            ]
        }
        let table = Table(
            columns: [TableColumn("id", minWidth: 8, maxWidth: 8), TableColumn("description", minWidth: 8, flex: 2),
                      TableColumn("state", minWidth: 9, maxWidth: 9), .numeric("jobs", minWidth: 9),
                      .numeric("disc", minWidth: 4), .numeric("callbk", minWidth: 6),
                      TableColumn("callbacks", minWidth: 9, flex: 2), .numeric("created", minWidth: 8)],
            rows: rows, selection: view.selection.resolved(in: batches.map(\.id.uuidString)),
            emptyMessage: s.batches.isEmpty ? "no batches (good_job_batches is empty)" : "no batch matches the filter")
        table.render(into: &buffer, area: inside)
    }

    static func role(_ state: BatchSummary.State) -> ThemeRole {
        switch state {
        case .open: .scheduled
        case .running, .callbacks: .running
        case .succeeded: .ok
        case .discarded: .discarded
        }
    }
}
