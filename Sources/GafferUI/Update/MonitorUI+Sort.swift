import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// `<` `>`: a pane's rows by the previous or next column (through the pane's own order); a job
    /// list between its state's time and when the job was created, read again from the database.
    static func sort(_ state: inout UIState, _ snapshot: MonitorSnapshot, by delta: Int) -> [Effect] {
        if case .jobs(var list) = state.topOverlay {
            list.baseScope.sortByCreated.toggle()
            state.status = StatusMessage("sorted by \(sortTitle(list.baseScope))")
            return requery(&list, &state)
        }
        guard state.overlays.isEmpty else { return [] }
        let pane = state.focus
        let columns = PaneContent.build(pane, snapshot, filter: Filter()).columns
        let sort = (state.paneSorts[pane] ?? ColumnSort()).stepped(by: delta, among: columns.count)
        state.paneSorts[pane] = sort
        state.status = StatusMessage(sort.column.map { "sorted by \(columnName(columns[$0], $0))" } ?? "\(pane.title) in its own order")
        return []
    }

    /// `I`: the other way round.
    static func reverseSort(_ state: inout UIState, _ snapshot: MonitorSnapshot) -> [Effect] {
        if case .jobs(var list) = state.topOverlay {
            list.baseScope.reversed.toggle()
            state.status = StatusMessage("sorted by \(sortTitle(list.baseScope)), \(list.baseScope.isNewestFirst ? "newest" : "oldest") first")
            return requery(&list, &state)
        }
        guard state.overlays.isEmpty else { return [] }
        var sort = state.paneSorts[state.focus] ?? ColumnSort()
        sort.descending.toggle()
        state.paneSorts[state.focus] = sort
        state.status = StatusMessage(sort.descending ? "sorted descending" : "sorted ascending")
        return []
    }

    /// A column's name for the status line; untitled columns by their position.
    static func columnName(_ column: TableColumn, _ index: Int) -> String {
        column.title.isEmpty ? "column \(index + 1)" : column.title
    }

    /// The job list's time column as sorted: `due`, `started`, `finished` or `created`.
    static func sortTitle(_ scope: JobListScope) -> String {
        if scope.sortByCreated { return "created" }
        switch scope.state {
        case .queued, .scheduled, .retried: return "due"
        case .running: return "started"
        case .succeeded, .discarded: return "finished"
        }
    }
}
