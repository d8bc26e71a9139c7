#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel

extension UIState {
    /// The key context of this state over `snapshot`: mode from the top overlay, the selected row's kind.
    func keyContext(_ snapshot: MonitorSnapshot) -> KeyContext {
        var context = KeyContext(mode: .pane(focus), readOnly: readOnly, hasLocalWorker: hasLocalWorker)
        switch topOverlay {
        case .help: context.mode = .help
        case .confirm: context.mode = .confirm
        case .quit: context.mode = .quit
        case .progress: context.mode = .progress
        case .detail(let view):
            context.mode = .detail
            context.selected = view.detail.map { .job($0.state) } ?? .nothing
        case .batches:
            context.mode = .batches
        case .jobs(let list):
            context.mode = .jobs
            context.selected = selectedJob(in: list) == nil ? .nothing : .job(list.scope.state)
        case nil:
            context.selected = selectedRow(snapshot)?.selected ?? .nothing
        }
        return context
    }

    /// The focused pane's selected row, after the filter.
    func selectedRow(_ snapshot: MonitorSnapshot) -> PaneRow? {
        let content = PaneContent.build(focus, snapshot, filter: filter)
        return selection(focus).resolved(in: content.keys).map { content.rows[$0] }
    }

    /// The filter `/` edits: the open job list's own, else the panes'.
    var activeFilter: Filter {
        get {
            if case .jobs(let list) = topOverlay { return list.filter }
            return filter
        }
        set {
            if case .jobs(var list) = topOverlay {
                list.filter = newValue
                replaceTop(.jobs(list))
            } else {
                filter = newValue
            }
        }
    }

    /// The jobs of a list that pass its filter's negated terms (the database applied the others).
    func visibleJobs(_ list: JobListView) -> [JobSummary] {
        let filter = list.filter.negatedOnly
        return (list.jobs ?? []).filter { job in
            filter.matches(RowFields(queue: job.queue, jobClass: job.jobClass, labels: job.labels, error: job.error ?? "",
                                     text: [job.id.uuidString.lowercased(), job.jobClass, job.queue, job.error ?? ""]
                                         .joined(separator: " ")))
        }
    }

    /// The snapshot's batches that pass the filter (free text over id, description, state and callbacks).
    func visibleBatches(_ snapshot: MonitorSnapshot) -> [BatchSummary] {
        snapshot.batches.filter { batch in
            filter.matches(RowFields(text: ([batch.id.uuidString.lowercased(), batch.description ?? "", batch.state.rawValue]
                                            + batch.callbackClasses).joined(separator: " ")))
        }
    }

    func selectedBatch(_ view: BatchListView, _ snapshot: MonitorSnapshot) -> BatchSummary? {
        let batches = visibleBatches(snapshot)
        return view.selection.resolved(in: batches.map(\.id.uuidString)).map { batches[$0] }
    }

    func selectedJob(in list: JobListView) -> JobSummary? {
        let jobs = visibleJobs(list)
        return list.selection.resolved(in: jobs.map(\.id.uuidString)).map { jobs[$0] }
    }

    /// Replaces the top overlay (which must exist).
    mutating func replaceTop(_ overlay: Overlay) {
        overlays[overlays.count - 1] = overlay
    }
}
