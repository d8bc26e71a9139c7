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

    /// Puts a loaded page into the job list with that scope: a first page replaces, a later one appends.
    public mutating func receive(jobs page: [JobSummary], scope: JobListScope, after cursor: JobListCursor?) {
        for (index, overlay) in overlays.enumerated() {
            guard case .jobs(var list) = overlay, list.scope == scope else { continue }
            if cursor == nil {
                list.jobs = page
                list.marks.formIntersection(page.map(\.id))
            } else {
                list.jobs = (list.jobs ?? []) + page.filter { job in !(list.jobs ?? []).contains { $0.id == job.id } }
            }
            list.exhausted = page.count < JobListView.pageSize
            overlays[index] = .jobs(list)
        }
    }

    /// Puts the count of all jobs of a scope into the list that shows it.
    public mutating func receive(count: Int, scope: JobListScope) {
        for (index, overlay) in overlays.enumerated() {
            guard case .jobs(var list) = overlay, list.scope == scope else { continue }
            list.total = count
            overlays[index] = .jobs(list)
        }
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

    /// Loads to issue after each new snapshot, so what is open stays live: the open job list's first
    /// page, and the open job detail (its state, attempts and times change as the job runs).
    public func effectsAfterRefresh() -> [Effect] {
        var effects: [Effect] = []
        if let top = overlays.last(where: { if case .jobs = $0 { true } else { false } }),
           case .jobs(let list) = top, (list.jobs?.count ?? 0) <= JobListView.pageSize {
            effects.append(.loadJobs(list.scope, after: nil))
        }
        if let top = overlays.last(where: { if case .detail = $0 { true } else { false } }), case .detail(let view) = top {
            effects.append(.loadDetail(view.id))
        }
        return effects
    }
}
