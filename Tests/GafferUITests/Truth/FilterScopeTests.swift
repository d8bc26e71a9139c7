import Foundation
import GafferMonitorModel
import GafferMonitor
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Issue 14 item 4 on the screen: a filter typed in a job list queries the database for that
/// list only (all matches counted); `/` starts fresh, `^U` erases, Esc drops it; a queue filter on
/// the panes does not hide rows that have no queue.
@Suite struct FilterScopeTests {
    static let base = JobListScope(state: .queued, queue: "bulk")

    static func listState() -> UIState {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.jobs(JobListView(title: "queue bulk", scope: base, jobs: [], exhausted: false))]
        return state
    }

    func press(_ keys: [Key], _ state: UIState) -> (UIState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        for key in keys {
            let (next, asked) = MonitorUI.update(state, key: key, snapshot: Fixtures.snapshot)
            state = next
            effects += asked
        }
        return (state, effects)
    }

    static func chars(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func aListFilterQueriesTheDatabaseForThatListOnly() {
        let (state, effects) = press([.character("/")] + Self.chars("label:Urgent") + [.enter], Self.listState())
        var narrowed = Self.base
        narrowed.labelContains = "urgent"
        #expect(effects == [.loadJobs(narrowed, after: nil), .countJobs(narrowed)])
        #expect(state.topList?.scope == narrowed && state.filter.isEmpty)
        // Closing the list takes its filter with it: the panes are not emptied.
        let (closed, _) = press([.escape], state)
        #expect(closed.overlays.isEmpty && closed.filter.isEmpty)
    }

    @Test func slashStartsFreshCtrlUErasesEscDrops() {
        var (state, _) = press([.character("/")] + Self.chars("class:A") + [.enter], Self.listState())
        (state, _) = press([.character("/"), .character("b")], state)
        #expect(state.activeFilter.text == "b")
        (state, _) = press([.ctrl("u")], state)
        #expect(state.activeFilter.text == "" && state.isEditingFilter)
        let (dropped, effects) = press(Self.chars("xyz") + [.escape], state)
        #expect(dropped.topList?.filter.isEmpty == true && !dropped.isEditingFilter)
        #expect(effects == [.loadJobs(Self.base, after: nil), .countJobs(Self.base)])
    }

    @Test func aQueueFilterKeepsRowsWithoutAQueue() {
        var state = UIState(hasLocalWorker: true)
        state.filter = Filter("queue:def")
        let text = ScreenText.screen(Fixtures.snapshot, state, size: Size(width: 160, height: 48))
        #expect(text.contains("Net::ReadTimeout"))  // a failure group: no queue to compare
        #expect(!text.contains("mailers  "))
    }

    /// The list after `/label:urgent` on a 10,000-job queue: the one match from its last page, counted.
    @Test(arguments: ScreenText.sizes)
    func theMatchOnTheLastPageShows(size: Size) {
        var (state, effects) = press([.character("/")] + Self.chars("label:urgent") + [.enter], Self.listState())
        guard case .loadJobs(let scope, _)? = effects.first else { Issue.record("no load"); return }
        let match = JobSummary(id: UUID(uuidString: "6d6acc51-0000-4000-8000-000000000001")!, jobClass: "ImportJob",
                               queue: "bulk", priority: 0, state: .queued, sortAt: Fixtures.now - 1, attempts: 0,
                               labels: ["Urgent"], error: nil)
        state.receive(jobs: [match], scope: scope, after: nil)
        state.receive(count: 1, scope: scope)
        let text = ScreenText.screen(Fixtures.snapshot, state, size: size)
        #expect(text.contains("/label:urgent · 1 of 1"), "\(text)")
        SnapshotFile.check(text, named: ScreenText.name("filter-last-page-match", size))
        var unfiltered = Self.listState()
        unfiltered.receive(count: 10_001, scope: Self.base)
        #expect(ScreenText.screen(Fixtures.snapshot, unfiltered, size: size).contains("0 of 10,001"))
    }
}
