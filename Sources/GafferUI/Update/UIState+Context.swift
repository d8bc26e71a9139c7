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
        case .history:
            context.mode = .history
        case .log:
            context.mode = .log
        case .jobs(let list):
            context.mode = .jobs
            context.selected = selectedJob(in: list) == nil ? .nothing : .job(list.scope.state)
        case nil:
            let row = selectedRow(snapshot)
            context.selected = row?.selected ?? .nothing
            if case .cron(let key, _, _, _)? = row?.target { context.selected = .cron(runnable: runnableCronKeys.contains(key)) }
            if focus == .threads { context.localPool = localPool(of: row, snapshot) }
        }
        return context
    }

    /// The co-hosted worker's pool a Threads row stands for: a slot's, or the only pool for any other row.
    func localPool(of row: PaneRow?, _ snapshot: MonitorSnapshot) -> LocalWorkerSnapshot.Pool? {
        guard let local = snapshot.local else { return nil }
        if case .localSlot(let slot, _)? = row?.target { return local.pools.first { $0.index == slot.pool } }
        return local.pools.count == 1 ? local.pools.first : nil
    }

    /// The focused pane's selected row, after the filter.
    func selectedRow(_ snapshot: MonitorSnapshot) -> PaneRow? {
        let content = content(focus, snapshot)
        return selection(focus).resolved(in: content.keys).map { content.rows[$0] }
    }

    /// `pane`'s rows as shown: the panes' filter, then the pane's sort.
    func content(_ pane: Pane, _ snapshot: MonitorSnapshot) -> PaneContent {
        PaneContent.build(pane, snapshot, filter: filter, sort: paneSorts[pane])
    }

    /// The filter `/` edits: the open job list's or batches view's own, else the panes'.
    var activeFilter: Filter {
        get {
            switch topOverlay {
            case .jobs(let list): list.filter
            case .batches(let view): view.filter
            default: filter
            }
        }
        set {
            switch topOverlay {
            case .jobs(var list):
                list.filter = newValue
                replaceTop(.jobs(list))
            case .batches(var view):
                view.filter = newValue
                replaceTop(.batches(view))
            default:
                filter = newValue
            }
        }
    }

    /// The jobs a list shows: the rows loaded, which the database already filtered.
    func visibleJobs(_ list: JobListView) -> [JobSummary] { list.jobs ?? [] }

    /// The snapshot's batches that pass the batches view's filter (free text over id, description,
    /// state and callbacks).
    func visibleBatches(_ snapshot: MonitorSnapshot) -> [BatchSummary] {
        guard case .batches(let view)? = overlays.last(where: { if case .batches = $0 { true } else { false } }) else {
            return snapshot.batches
        }
        return snapshot.batches.filter { batch in
            view.filter.matches(RowFields(text: ([batch.id.uuidString.lowercased(), batch.description ?? "", batch.state.rawValue]
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
