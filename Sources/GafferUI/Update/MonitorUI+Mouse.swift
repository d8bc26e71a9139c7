import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// What a mouse event landed on, found from the same layout `render` draws.
    enum MouseHit: Equatable {
        /// A pane, and the row of its table under the pointer (nil on its frame, header or empty space).
        case pane(Pane, row: Int?)
        /// A row of the open job list.
        case jobRow(Int)
        case nothing
    }

    /// Rows one wheel notch moves.
    static let wheelStep = 3

    /// A click focuses the pane under it and selects the row; a wheel turn scrolls what is under it
    /// (a pane, which it focuses, or the open view). Clicks outside the top view change nothing.
    static func mouse(_ state: UIState, _ event: MouseEvent, snapshot: MonitorSnapshot) -> (UIState, [Effect]) {
        var state = state
        let hit = hitTest(event, state, snapshot)
        switch event.kind {
        case .click:
            switch hit {
            case .pane(let pane, let row):
                state.focus = pane
                if let row { state.selections[pane] = RowSelection.at(row, in: state.content(pane, snapshot).keys) }
            case .jobRow(let index):
                guard case .jobs(var list) = state.topOverlay else { break }
                list.selection = RowSelection.at(index, in: state.visibleJobs(list).map(\.id.uuidString))
                state.replaceTop(.jobs(list))
            case .nothing:
                break
            }
            return (state, [])
        case .wheelUp, .wheelDown:
            if case .pane(let pane, _) = hit { state.focus = pane }
            let inView = state.topOverlay != nil
            guard inView || hit != .nothing else { return (state, []) }
            let effects = move(&state, snapshot, by: event.kind == .wheelUp ? -wheelStep : wheelStep)
            return (state, effects)
        }
    }

    /// The pane or list row at the event's cell, in the layout of a `state.viewport`-sized screen.
    static func hitTest(_ event: MouseEvent, _ state: UIState, _ snapshot: MonitorSnapshot) -> MouseHit {
        let size = state.viewport
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else { return .nothing }
        let body = screenRows(Rect(x: 0, y: 0, width: size.width, height: size.height))[1]
        switch state.topOverlay {
        case nil:
            guard let (pane, rect) = paneAreas(body).first(where: { $0.value.contains(x: event.x, y: event.y) }) else {
                return .nothing
            }
            let content = state.content(pane, snapshot)
            let row = tableRow(at: event.y, in: Frame.inner(rect), count: content.rows.count,
                               selection: state.selection(pane).resolved(in: content.keys))
            return .pane(pane, row: row)
        case .jobs(let list):
            let jobs = state.visibleJobs(list)
            let area = Frame.inner(body).inset(top: 1)
            guard area.contains(x: event.x, y: event.y) else { return .nothing }
            let row = tableRow(at: event.y, in: area, count: jobs.count,
                               selection: list.selection.resolved(in: jobs.map(\.id.uuidString)))
            return row.map(MouseHit.jobRow) ?? .nothing
        default:
            return .nothing
        }
    }

    /// The row of a headed `Table` drawn in `area` at screen line `y`, scrolled as `Table.render` scrolls it.
    static func tableRow(at y: Int, in area: Rect, count: Int, selection: Int?) -> Int? {
        let visible = area.height - 1
        let line = y - area.y - 1
        guard line >= 0, line < visible else { return nil }
        let first = Table.scrollOffset(selection: selection, offset: 0, visibleRows: visible, rowCount: count)
        let index = first + line
        return index < count ? index : nil
    }
}
