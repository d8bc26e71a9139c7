#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

/// The monitor's pure application layer: keys change the UI state and ask for effects; `render`
/// draws a snapshot under a state.
public enum MonitorUI {
    /// Terminals smaller than this get a one-line message instead of the panes.
    public static let minimumSize = Size(width: 80, height: 24)

    /// Applies one key press.
    public static func update(_ state: UIState, key: Key, snapshot: MonitorSnapshot) -> (UIState, [Effect]) {
        var state = state
        if state.isEditingFilter { return editFilter(state, key) }
        if state.findText != nil { return editFind(state, key) }
        if key == .resize { return (state, []) }
        if case .mouse(let event) = key { return mouse(state, event, snapshot: snapshot) }
        let context = state.keyContext(snapshot)
        guard let match = state.settings.keys.table.match(for: key, in: context) else {
            let help = state.settings.keys.key(.help, in: .pane(state.focus))
            state.status = StatusMessage("\(key.displayName) does nothing here; \(help) lists the keys")
            return (state, [])
        }
        if let reason = match.disabledReason {
            state.status = StatusMessage(reason)
            return (state, [])
        }
        state.status = nil
        let effects = dispatch(match.action, &state, snapshot)
        return (state, effects)
    }

    /// Typing after `/`: into the open job list's own filter, else the panes'. `^U` clears the text;
    /// Enter keeps it, Esc drops it; either way a job list queries the database again.
    static func editFilter(_ state: UIState, _ key: Key) -> (UIState, [Effect]) {
        var state = state
        var filter = state.activeFilter
        switch key {
        case .ctrl("u"): filter = Filter()
        case .character(let c): filter = Filter(filter.text + String(c))
        case .backspace, .delete: filter = Filter(String(filter.text.dropLast()))
        case .enter: state.isEditingFilter = false
        case .escape:
            filter = Filter()
            state.isEditingFilter = false
        default: break
        }
        state.activeFilter = filter
        guard !state.isEditingFilter, case .jobs(var list) = state.topOverlay else { return (state, []) }
        let effects = requery(&list, &state)
        return (state, effects)
    }

    /// Reloads a job list for its filter: the first page and the count of all matches.
    static func requery(_ list: inout JobListView, _ state: inout UIState) -> [Effect] {
        list.scope = list.filter.narrowing(list.baseScope)
        list.jobs = nil
        list.total = nil
        list.marks = []
        list.allMatching = false
        list.selection = RowSelection()
        list.exhausted = false
        list.atStart = true
        list.fromEnd = false
        state.replaceTop(.jobs(list))
        return [.loadJobs(list.scope, after: nil), .countJobs(list.scope)]
    }

    static func dispatch(_ action: UIAction, _ state: inout UIState, _ snapshot: MonitorSnapshot) -> [Effect] {
        switch action {
        case .nextPane: state.focus = state.focus.next
        case .previousPane: state.focus = state.focus.previous
        case .focus(let pane): state.focus = pane
        case .down: return move(&state, snapshot, by: 1)
        case .up: return move(&state, snapshot, by: -1)
        case .pageDown: return move(&state, snapshot, by: 10)
        case .pageUp: return move(&state, snapshot, by: -10)
        case .top: return jump(&state, snapshot, toEnd: false)
        case .bottom: return jump(&state, snapshot, toEnd: true)
        case .previousTab: return switchTab(&state, by: -1)
        case .nextTab: return switchTab(&state, by: 1)
        case .startFilter:
            state.activeFilter = Filter()  // `/` starts fresh; the old filter stays until Enter
            state.isEditingFilter = true
        case .open: return open(&state, snapshot)
        case .back: back(&state)
        case .openBatches: state.overlays.append(.batches(BatchListView()))
        case .act(let jobAction): askToAct(jobAction, &state, snapshot)
        case .togglePause:
            let effects = togglePause(&state, snapshot)
            if !effects.isEmpty { state.status = StatusMessage("working…") }  // the change waits behind a refresh
            return effects
        case .toggleLocalPause: return [.setLocalPaused(!(snapshot.local?.isPaused ?? false))]
        case .moreThreads, .fewerThreads:
            guard let pool = state.keyContext(snapshot).localPool else { return [] }
            return [.changeLocalThreads(pool: pool.index, by: action == .moreThreads ? 1 : -1)]
        case .mark: mark(&state)
        case .markAll: markAll(&state)
        case .freeze:
            state.frozen.toggle()
            state.status = StatusMessage(state.frozen ? "frozen: data keeps coming, Z shows it" : "live again")
        case .copyID: return copyID(&state, snapshot)
        case .toggleWrap:
            if case .detail(var view) = state.topOverlay {
                view.wrap.toggle()
                state.replaceTop(.detail(view))
            }
        case .toggleTrace:
            if case .detail(var view) = state.topOverlay {
                view.fullTrace.toggle()
                state.replaceTop(.detail(view))
            }
        case .slower: return [.changeInterval(slower: true)]
        case .faster: return [.changeInterval(slower: false)]
        case .refreshNow: return [.refreshNow]
        case .redraw: return [.redraw]
        case .toggleExactCounts: return [.toggleExactCounts]
        case .help: state.overlays.append(.help(scroll: 0))
        case .quit:
            if state.hasLocalWorker { state.overlays.append(.quit) } else { return [.quit(.exit)] }
        case .confirmYes:
            guard case .confirm(let confirmation) = state.topOverlay else { return [] }
            state.overlays.removeLast()
            clearMarks(&state)
            state.status = StatusMessage("working…")
            if case .perform(let action, .every) = confirmation.effect {
                state.overlays.append(.progress(BulkProgress(title: OperatorText.bulkTitle(action),
                                                             line: OperatorText.listing)))
            }
            return [confirmation.effect]
        case .confirmNo:
            state.overlays.removeLast()
            state.status = StatusMessage("cancelled")
        case .quitDetach: return [.quit(.detach)]
        case .quitDrain: return [.quit(.drain)]
        case .quitStop: return [.quit(.stopNow)]
        case .openHistory: return openHistory(&state)
        case .switchSpan: return switchSpan(&state)
        case .openLog: state.overlays.append(.log(LogView()))
        case .cycleLogLevel: cycleLogLevel(&state)
        case .sortNext: return sort(&state, snapshot, by: 1)
        case .sortPrevious: return sort(&state, snapshot, by: -1)
        case .reverseSort: return reverseSort(&state, snapshot)
        case .find: state.findText = ""
        case .markAllMatching: markAllMatching(&state)
        case .toggleCron: askToToggleCron(&state, snapshot)
        case .enqueueCron: askToEnqueueCron(&state, snapshot)
        case .cancelBulk:
            guard case .progress(var progress) = state.topOverlay, !progress.stopping else { return [] }
            progress.stopping = true
            state.replaceTop(.progress(progress))
            return [.cancelBulk]
        }
        return []
    }
}
