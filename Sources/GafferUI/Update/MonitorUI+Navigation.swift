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
            // At the last row loaded: fetch the next page; at the first, when rows were read from the end, the one before.
            if delta > 0, !list.exhausted, let cursor = list.cursorAfter, list.selection.key == keys.last {
                return [.loadJobs(list.scope, after: cursor)]
            }
            if delta < 0, !list.atStart, let cursor = list.cursorBefore, list.selection.key == keys.first {
                return [.loadJobsBefore(list.scope, before: cursor)]
            }
        case .batches(var view):
            view.selection = view.selection.moved(by: delta, in: state.visibleBatches(snapshot).map(\.id.uuidString))
            state.replaceTop(.batches(view))
        case .history(var view):
            view.selection = view.selection.moved(by: delta, in: view.keys)
            state.replaceTop(.history(view))
        case .log(let view):
            state.replaceTop(.log(scrollLog(view, state, snapshot, by: delta)))
        case .confirm, .quit, .progress:
            break
        case nil:
            let keys = state.content(state.focus, snapshot).keys
            state.selections[state.focus] = state.selection(state.focus).moved(by: delta, in: keys)
        }
        return []
    }

    /// `g` and `G`: the first or the last row. A job list that has not loaded that end reads it, the
    /// last page by a keyset query from the other end of the order (not every page between).
    static func jump(_ state: inout UIState, _ snapshot: MonitorSnapshot, toEnd: Bool) -> [Effect] {
        guard case .jobs(var list) = state.topOverlay, toEnd ? !list.exhausted : !list.atStart else {
            return move(&state, snapshot, by: toEnd ? 1_000_000 : -1_000_000)
        }
        // No key: the selection stays on the first (last) row whatever rows arrive, until a move names one.
        list.selection = RowSelection(index: toEnd ? .max : 0)
        list.fromEnd = toEnd
        state.replaceTop(.jobs(list))
        return [toEnd ? .loadJobsBefore(list.scope, before: nil) : .loadJobs(list.scope, after: nil)]
    }

    static let tabOrder: [JobState] = [.queued, .scheduled, .retried, .running, .discarded, .succeeded]

    /// The first tab with jobs in `counts`; queued when none has any.
    static func firstTab(_ counts: [JobState: Int]) -> JobState {
        tabOrder.first { (counts[$0] ?? 0) > 0 } ?? .queued
    }

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
            let first = firstTab([.queued: stats.queued, .scheduled: stats.scheduled, .retried: stats.retried,
                                  .running: stats.running, .discarded: stats.discarded])
            return openList("queue \(name.isEmpty ? "(none)" : name)", scope(state, JobListScope(state: first, queue: name)),
                            &state)
        case .cron(let key, _, let lastState, _):
            // The key's jobs, opened on its newest job's state as the pane shows it (by badge: a retrying job is
            // "retried" there, which GoodJob's retried scope misses until its second retry); `h`/`l` reach the others.
            return openList("cron \(key)", JobListScope(state: lastState ?? .queued, cronKey: key, byBadge: true), &state)
        case .concurrencyKey(let key):
            // The key's unfinished jobs, a tab per state (`h`/`l`), opened on the first that has any.
            let counts = snapshot.concurrencyKeys.first { $0.key == key }?.counts ?? [:]
            return openList("concurrency key \(key)", JobListScope(state: firstTab(counts), concurrencyKey: key), &state)
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
