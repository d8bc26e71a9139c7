import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Clicks and wheel turns, hit-tested against the layout `render` draws.
@Suite struct MouseTests {
    static let size = Size(width: 80, height: 24)

    func state(_ base: UIState = KeyCase.pane(.threads)) -> UIState {
        var state = base
        state.viewport = Self.size
        return state
    }

    /// The screen cell of the first character of `text` as drawn for `state`.
    func cell(of text: String, _ state: UIState) -> (x: Int, y: Int) {
        let lines = MonitorUI.render(Fixtures.snapshot, state, width: Self.size.width, height: Self.size.height).text()
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (y, line) in lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        Issue.record("\(text) is not on the screen")
        return (0, 0)
    }

    func click(_ state: UIState, on text: String) -> (UIState, [Effect]) {
        let (x, y) = cell(of: text, state)
        return MonitorUI.update(state, key: .mouse(MouseEvent(.click, x: x, y: y)), snapshot: Fixtures.snapshot)
    }

    @Test func aClickOnARowFocusesItsPaneAndSelectsIt() {
        let (next, effects) = click(state(), on: "hourly_sync")
        #expect(effects.isEmpty && next.focus == .cron)
        #expect(next.selection(.cron) == RowSelection(index: 1, key: "cron-hourly_sync"))
    }

    @Test func aClickOnAPaneTitleFocusesItAndKeepsItsSelection() {
        let (next, _) = click(state(), on: "6 Processes")
        #expect(next.focus == .processes && next.selections[.processes] == nil)
    }

    @Test func aClickOnAJobListRowSelectsIt() {
        let (next, _) = click(state(KeyCase.list()), on: "0000000c")
        #expect(next.topList?.selection == RowSelection(index: 2, key: Fixtures.id(12).uuidString))
    }

    @Test func theWheelScrollsThePaneUnderThePointer() {
        let (x, y) = cell(of: "4 Failures", state())
        let (next, _) = MonitorUI.update(state(), key: .mouse(MouseEvent(.wheelDown, x: x, y: y + 2)),
                                         snapshot: Fixtures.snapshot)
        #expect(next.focus == .failures && next.selection(.failures).index == 1)
    }

    @Test func theWheelScrollsTheOpenView() {
        let (next, _) = MonitorUI.update(state(KeyCase.detail()), key: .mouse(MouseEvent(.wheelDown, x: 40, y: 10)),
                                         snapshot: Fixtures.snapshot)
        #expect(next.topDetail?.scroll == MonitorUI.wheelStep)
    }

    @Test func aClickOnTheFooterOrUnderADialogChangesNothing() {
        let start = state()
        #expect(MonitorUI.update(start, key: .mouse(MouseEvent(.click, x: 5, y: 22)), snapshot: Fixtures.snapshot).0 == start)
        let asking = state(KeyCase.with(.confirm(KeyBindingTests.cronDisableQuestion)))
        #expect(MonitorUI.update(asking, key: .mouse(MouseEvent(.click, x: 5, y: 5)), snapshot: Fixtures.snapshot).0 == asking)
    }

    /// A list scrolled down to its last row: a click picks the row drawn there, not the row that far from the top.
    @Test func aClickInAScrolledListHitsTheRowDrawnThere() {
        let base = state(KeyCase.list(KeyCase.jobs(40), row: 39))
        let (next, _) = click(base, on: "00000028")
        #expect(next.topList?.selection == RowSelection(index: 30, key: Fixtures.id(40).uuidString))
    }
}
