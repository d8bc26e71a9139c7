#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferMonitorModel

extension MonitorUI {
    static func move(_ state: inout UIState, _ snapshot: MonitorSnapshot, by delta: Int) -> [Effect] {
        switch state.topOverlay {
        case .help(let scroll):
            let bottom = maxScroll(of: .help(scroll: scroll), state: state, snapshot)
            state.replaceTop(.help(scroll: min(max(0, scroll + delta), bottom)))
        case .detail(var view):
            let bottom = maxScroll(of: .detail(view), state: state, snapshot)
            view.scroll = min(max(0, view.scroll + delta), bottom)
            state.replaceTop(.detail(view))
        case .jobs(var list):
            let keys = state.visibleJobs(list).map(\.id.uuidString)
            list.selection = list.selection.moved(by: delta, in: keys)
            state.replaceTop(.jobs(list))
            // At the last row of a full page: fetch the next one.
            if delta > 0, !list.exhausted, let jobs = list.jobs, let last = jobs.last,
               list.selection.key == last.id.uuidString {
                return [.loadJobs(list.scope, after: JobListCursor(sortAt: last.sortAt, id: last.id))]
            }
        case .batches(var view):
            view.selection = view.selection.moved(by: delta, in: state.visibleBatches(snapshot).map(\.id.uuidString))
            state.replaceTop(.batches(view))
        case .confirm, .quit, .progress:
            break
        case nil:
            let keys = PaneContent.build(state.focus, snapshot, filter: state.filter).keys
            state.selections[state.focus] = state.selection(state.focus).moved(by: delta, in: keys)
        }
        return []
    }

    static let tabOrder: [JobState] = [.queued, .scheduled, .retried, .running, .discarded, .succeeded]

    static func switchTab(_ state: inout UIState, by delta: Int) -> [Effect] {
        guard case .jobs(var list) = state.topOverlay else { return [] }
        let index = tabOrder.firstIndex(of: list.scope.state) ?? 0
        list.baseScope.state = tabOrder[(index + delta + tabOrder.count) % tabOrder.count]
        list.baseScope.since = nil
        return requery(&list, &state)
    }

    static func open(_ state: inout UIState, _ snapshot: MonitorSnapshot) -> [Effect] {
        if case .jobs(let list) = state.topOverlay {
            guard let job = state.selectedJob(in: list) else { return [] }
            return openDetail(job.id, &state)
        }
        if case .batches(let view) = state.topOverlay {
            guard let batch = state.selectedBatch(view, snapshot) else { return [] }
            let first: JobState = batch.jobsDiscarded > 0 ? .discarded
                : batch.jobs > 0 && batch.jobsFinished == batch.jobs ? .succeeded : .queued
            let name = batch.description.flatMap { $0.isEmpty ? nil : $0 } ?? Format.shortID(batch.id)
            return openList("batch \(name)", JobListScope(state: first, batchID: batch.id), &state)
        }
        guard let row = state.selectedRow(snapshot) else { return [] }
        switch row.target {
        case .queue(let name, _):
            let stats = snapshot.queues.first { $0.name == name } ?? QueueStats(name: name)
            let counts: [JobState: Int] = [.queued: stats.queued, .scheduled: stats.scheduled,
                                               .retried: stats.retried, .running: stats.running,
                                               .discarded: stats.discarded]
            let first = tabOrder.first { (counts[$0] ?? 0) > 0 } ?? .queued
            return openList("queue \(name.isEmpty ? "(none)" : name)", scope(state, JobListScope(state: first, queue: name)),
                            &state)
        case .failure(let group):
            let listScope = group.kind == .discarded
                ? JobListScope(state: .discarded, jobClass: group.jobClass, errorClass: group.errorClass,
                               since: snapshot.takenAt.addingTimeInterval(-86_400))
                : JobListScope(state: .retried, jobClass: group.jobClass, errorClass: group.errorClass, byBadge: true)
            return openList("\(group.errorClass) · \(group.jobClass)", scope(state, listScope), &state)
        default:
            guard let id = row.jobID else {
                state.status = StatusMessage("no jobs to open here")
                return []
            }
            return openDetail(id, &state)
        }
    }

    /// A list opens with its own empty filter: the panes' filter chose the row, not the jobs.
    static func scope(_ state: UIState, _ base: JobListScope) -> JobListScope { base }

    static func openList(_ title: String, _ scope: JobListScope, _ state: inout UIState) -> [Effect] {
        state.overlays.append(.jobs(JobListView(title: title, scope: scope)))
        return [.loadJobs(scope, after: nil), .countJobs(scope)]
    }

    static func openDetail(_ id: UUID, _ state: inout UIState) -> [Effect] {
        state.overlays.append(.detail(DetailView(id: id)))
        return [.loadDetail(id)]
    }

    static func back(_ state: inout UIState) {
        if case .jobs(var list) = state.topOverlay, !list.marks.isEmpty || list.allMatching {
            list.marks = []
            list.allMatching = false
            state.replaceTop(.jobs(list))
            return
        }
        if !state.overlays.isEmpty {
            state.overlays.removeLast()
        } else if !state.filter.isEmpty {
            state.filter = Filter()
        }
    }

    static func mark(_ state: inout UIState) {
        guard case .jobs(var list) = state.topOverlay, let job = state.selectedJob(in: list) else { return }
        if list.marks.contains(job.id) { list.marks.remove(job.id) } else { list.marks.insert(job.id) }
        list.selection = list.selection.moved(by: 1, in: state.visibleJobs(list).map(\.id.uuidString))
        state.replaceTop(.jobs(list))
    }

    static func markAll(_ state: inout UIState) {
        guard case .jobs(var list) = state.topOverlay else { return }
        let visible = Set(state.visibleJobs(list).map(\.id))
        list.marks = visible.isSubset(of: list.marks) ? [] : list.marks.union(visible)
        state.replaceTop(.jobs(list))
        state.status = StatusMessage("\(list.marks.count) marked")
    }

    static func clearMarks(_ state: inout UIState) {
        for (index, overlay) in state.overlays.enumerated() {
            if case .jobs(var list) = overlay {
                list.marks = []
                list.allMatching = false
                state.overlays[index] = .jobs(list)
            }
        }
    }
}
