#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel

extension UIState {
    /// Puts a loaded job detail into its view (nil: the job is gone).
    public mutating func receive(detail: JobDetail?, for id: UUID) {
        for (index, overlay) in overlays.enumerated() {
            guard case .detail(var view) = overlay, view.id == id else { continue }
            view.detail = detail
            view.missing = detail == nil
            overlays[index] = .detail(view)
        }
    }

    /// Puts a loaded page into the job list with that scope: a first page replaces the rows, a later
    /// one is appended.
    public mutating func receive(jobs page: [JobSummary], scope: JobListScope, after cursor: JobListCursor?) {
        receive(page, scope, cursor, fromEnd: false)
    }

    /// Puts a page read from the end into the job list with that scope: the last page (`before` nil)
    /// replaces the rows, the page before the first row is put in front of them.
    public mutating func receive(jobs page: [JobSummary], scope: JobListScope, before cursor: JobListCursor?) {
        receive(page, scope, cursor, fromEnd: true)
    }

    private mutating func receive(_ page: [JobSummary], _ scope: JobListScope, _ cursor: JobListCursor?, fromEnd: Bool) {
        updateList(scope) { list in
            if cursor == nil {  // one end of the list: it replaces the rows, if it is the end the list shows
                guard list.fromEnd == fromEnd else { return }
                list.jobs = page
                list.marks.formIntersection(page.map(\.id))
            } else {
                guard list.holds(cursor) else { return }  // the list jumped (`g`, `G`) since it was asked for
                let loaded = list.jobs ?? []
                let new = page.filter { job in !loaded.contains { $0.id == job.id } }
                list.jobs = fromEnd ? new + loaded : loaded + new
            }
            // A page shorter than asked for reaches the end of the list on its side.
            let reachedEnd = page.count < JobListView.pageSize
            if fromEnd {
                list.atStart = reachedEnd
                if cursor == nil { list.exhausted = true }
            } else {
                list.exhausted = reachedEnd
                if cursor == nil { list.atStart = true }
            }
        }
    }

    private mutating func updateList(_ scope: JobListScope, _ change: (inout JobListView) -> Void) {
        for (index, overlay) in overlays.enumerated() {
            guard case .jobs(var list) = overlay, list.scope == scope else { continue }
            change(&list)
            overlays[index] = .jobs(list)
        }
    }

    /// Puts the count of all jobs of a scope into the list that shows it.
    public mutating func receive(count: Int, scope: JobListScope) {
        updateList(scope) { $0.total = count }
    }

    /// Shows a failed load or action in the status line.
    public mutating func receive(error text: String) {
        status = StatusMessage(text, isError: true)
    }

    /// Shows what an action did and asks to reload what it may have changed (an open list's count too).
    public mutating func receive(report: ActionReport) -> [Effect] {
        if report.total != nil { overlays.removeAll { if case .progress = $0 { true } else { false } } }
        status = StatusMessage(report.summary, isError: report.failure != nil || (report.done == 0 && !report.refused.isEmpty))
        var recount: [Effect] = []
        if case .jobs(let list)? = overlays.last(where: { if case .jobs = $0 { true } else { false } }) {
            recount = [.countJobs(list.scope)]
        }
        return effectsAfterRefresh() + recount + [.refreshNow]
    }

    /// Loads to issue after each new snapshot, so what is open stays live: the open job list's page
    /// (its first, or after `G` its last), the open job detail (its state, attempts and times change as the job runs), and the
    /// history once it is `MonitorUI.historyReload` seconds older than the snapshot taken `at`.
    public func effectsAfterRefresh(at now: Date? = nil) -> [Effect] {
        var effects: [Effect] = now.map(historyEffects) ?? []
        if let top = overlays.last(where: { if case .jobs = $0 { true } else { false } }),
           case .jobs(let list) = top, (list.jobs?.count ?? 0) <= JobListView.pageSize {
            effects.append(list.fromEnd ? .loadJobsBefore(list.scope, before: nil) : .loadJobs(list.scope, after: nil))
        }
        if let top = overlays.last(where: { if case .detail = $0 { true } else { false } }), case .detail(let view) = top {
            effects.append(.loadDetail(view.id))
        }
        return effects
    }
}
