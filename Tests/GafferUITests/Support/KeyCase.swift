import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// One row of the key table's tests: a starting state, the keys pressed, and what must follow.
struct KeyCase: Sendable, CustomTestStringConvertible {
    let name: String
    let start: UIState
    let snapshot: MonitorSnapshot
    let keys: [Key]
    let check: @Sendable (UIState, [Effect]) -> Void

    init(_ name: String, _ start: UIState, snapshot: MonitorSnapshot = Fixtures.snapshot, _ keys: [Key],
         check: @escaping @Sendable (UIState, [Effect]) -> Void) {
        self.name = name
        self.start = start
        self.snapshot = snapshot
        self.keys = keys
        self.check = check
    }

    /// A case starting in the Threads pane, first row selected.
    init(_ name: String, snapshot: MonitorSnapshot = Fixtures.snapshot, _ keys: [Key],
         check: @escaping @Sendable (UIState, [Effect]) -> Void) {
        self.init(name, KeyCase.pane(.threads), snapshot: snapshot, keys, check: check)
    }

    var testDescription: String { name }

    /// The binding (its index in `Keymap.table`) and key of one dispatched, enabled press.
    struct Press: Hashable {
        let binding: Int
        let key: String
    }

    /// Presses the keys in order; returns the final state, every effect asked for, and the presses
    /// the binding table dispatched (not refused, not typed into the filter).
    func run() -> (UIState, [Effect], Set<Press>) {
        var state = start
        var effects: [Effect] = []
        var pressed: Set<Press> = []
        for key in keys {
            if !state.isEditingFilter && state.findText == nil {
                let context = state.keyContext(snapshot)
                let index = Keymap.table.bindings.firstIndex { binding in
                    binding.isActive(context) && binding.keys.contains { $0.normalized == key.normalized }
                }
                if let index, Keymap.table.bindings[index].disabledReason(context) == nil {
                    pressed.insert(Press(binding: index, key: key.normalized.displayName))
                }
            }
            let (next, asked) = MonitorUI.update(state, key: key, snapshot: snapshot)
            state = next
            effects += asked
        }
        return (state, effects, pressed)
    }

    // MARK: Starting states over `Fixtures.snapshot`

    /// A pane with the focus and row `row` selected, a local worker running.
    static func pane(_ pane: Pane, row: Int = 0, readOnly: Bool = false) -> UIState {
        var state = UIState(readOnly: readOnly, hasLocalWorker: true)
        state.focus = pane
        state.selections[pane] = RowSelection(index: row)
        return state
    }

    /// Jobs 10, 11, 12, … of ImportOrdersJob in queue default, in `state`.
    static func jobs(_ count: Int = 3, state: JobState = .queued) -> [JobSummary] {
        (10..<(10 + count)).map {
            JobSummary(id: Fixtures.id($0), jobClass: "ImportOrdersJob", queue: "default", priority: 0, state: state,
                       sortAt: Fixtures.now - Double(100 - $0), attempts: 0, labels: [], error: nil)
        }
    }

    static let listScope = JobListScope(state: .queued, queue: "default")

    /// The job list of queue default, loaded, with `row` selected and `marks` marked.
    static func list(_ jobs: [JobSummary] = KeyCase.jobs(), row: Int = 0, marks: Set<UUID> = [], exhausted: Bool = true,
                     readOnly: Bool = false) -> UIState {
        var state = pane(.queues, readOnly: readOnly)
        state.overlays = [.jobs(JobListView(title: "queue default", scope: listScope, jobs: jobs,
                                            selection: RowSelection(index: row), marks: marks, exhausted: exhausted))]
        return state
    }

    /// The job list of queue default after `G`: `jobs` are its last page, more lie before them.
    static func fromEnd(_ jobs: [JobSummary], row: Int = 0) -> UIState {
        var state = list(jobs, row: row)
        guard case .jobs(var view) = state.topOverlay else { return state }
        view.atStart = false
        view.fromEnd = true
        state.overlays = [.jobs(view)]
        return state
    }

    /// The detail of the fixture's discarded SyncInventoryJob (with a backtrace longer than the view).
    static func detail(readOnly: Bool = false) -> UIState {
        var state = pane(.failures, readOnly: readOnly)
        state.overlays = [.detail(DetailView(id: Fixtures.id(4), detail: Fixtures.longDetail))]
        return state
    }

    /// Where an action key is pressed: a pane row, a job list, one with marked jobs, a job's detail.
    enum Place: String, CaseIterable, Sendable {
        case pane, list, markedList, detail

        func state(readOnly: Bool) -> UIState {
            switch self {
            case .pane: KeyCase.pane(.failures, readOnly: readOnly)
            case .list: KeyCase.list(readOnly: readOnly)
            case .markedList: KeyCase.list(marks: [Fixtures.id(10), Fixtures.id(11)], readOnly: readOnly)
            case .detail: KeyCase.detail(readOnly: readOnly)
            }
        }
    }

    static func with(_ overlay: Overlay, over base: UIState = KeyCase.pane(.threads)) -> UIState {
        var state = base
        state.overlays.append(overlay)
        return state
    }

    static let asking = GafferUI.Confirmation(prompt: "Retry 1 marked jobs?", effect: .perform(.retry, .ids([Fixtures.id(10)])))
}

extension UIState {
    /// The job list on top, if one is.
    var topList: JobListView? {
        if case .jobs(let list) = topOverlay { return list }
        return nil
    }

    var topDetail: DetailView? {
        if case .detail(let view) = topOverlay { return view }
        return nil
    }

    var topConfirmation: GafferUI.Confirmation? {
        if case .confirm(let confirmation) = topOverlay { return confirmation }
        return nil
    }
}
