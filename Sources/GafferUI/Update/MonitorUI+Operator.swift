#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// How many ids a find looks up: one more than an ambiguous prefix names, to say there are more.
    public static let findLookupLimit = OperatorText.listed + 1

    /// Typing a job id after the find key: Enter looks it up (the detail opens when one job matches),
    /// Esc gives up, `^U` erases.
    static func editFind(_ state: UIState, _ key: Key) -> (UIState, [Effect]) {
        var state = state
        var text = state.findText ?? ""
        switch key {
        case .character(let c) where text.count < OperatorText.findLimit: text.append(c)
        case .backspace, .delete: text = String(text.dropLast())
        case .ctrl("u"): text = ""
        case .escape:
            state.findText = nil
            state.status = StatusMessage("cancelled")
            return (state, [])
        case .enter:
            state.findText = nil
            guard let prefix = JobIDPrefix(text) else {
                state.status = StatusMessage(OperatorText.notAnID(text), isError: true)
                return (state, [])
            }
            state.status = StatusMessage(OperatorText.finding(prefix))
            return (state, [.findJob(prefix)])
        default: break
        }
        state.findText = text
        return (state, [])
    }

    /// `*` in a job list: selects every job its scope matches in the database (or unselects them).
    /// The scope carries the filter's `!` terms, so the action excludes what the list excludes.
    static func markAllMatching(_ state: inout UIState) {
        guard case .jobs(var list) = state.topOverlay else { return }
        if list.allMatching {
            list.allMatching = false
            state.replaceTop(.jobs(list))
            state.status = StatusMessage(OperatorText.unselectedAll)
            return
        }
        list.allMatching = true
        list.marks = []
        state.replaceTop(.jobs(list))
        state.status = StatusMessage(OperatorText.selectedAll(list.total))
    }

    /// The confirmation for an action on every job of the list's scope, naming the exact count and the filter.
    static func askToActOnAll(_ action: JobAction, _ list: JobListView, _ state: inout UIState) {
        guard action != .forceDiscard else {
            state.status = StatusMessage(OperatorText.forceOneByOne, isError: true)
            return
        }
        guard action.allowedStates.contains(list.scope.state) else {
            state.status = StatusMessage(OperatorText.wrongTab(action, list.scope.state), isError: true)
            return
        }
        guard let total = list.total else {
            state.status = StatusMessage(OperatorText.stillCounting)
            return
        }
        guard total > 0 else {
            state.status = StatusMessage(OperatorText.noneMatch)
            return
        }
        state.overlays.append(.confirm(Confirmation(
            prompt: OperatorText.bulkQuestion(action, total: total, state: list.scope.state),
            detail: OperatorText.bulkDetail(list), effect: .perform(action, .every(list.scope)))))
    }
}

extension UIState {
    /// The jobs whose id starts with `prefix`: one opens its detail; none or several say so in the status line.
    public mutating func receive(found ids: [UUID], for prefix: JobIDPrefix) -> [Effect] {
        switch ids.count {
        case 0:
            status = StatusMessage(OperatorText.noJob(prefix), isError: true)
            return []
        case 1:
            status = nil
            overlays.append(.detail(DetailView(id: ids[0])))
            return [.loadDetail(ids[0])]
        default:
            status = StatusMessage(OperatorText.ambiguous(prefix, ids), isError: true)
            return []
        }
    }

    /// How far the running bulk action got.
    public mutating func receive(progress: ActionReport) {
        guard case .progress(var view) = topOverlay else { return }
        view.line = progress.progress
        replaceTop(.progress(view))
    }
}
