import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Key cases of the history (`H`) and log (`L`) views; `KeyBindingTests.cases` includes them.
extension KeyBindingTests {
    static var loadedHistory: UIState { KeyCase.with(.history(HistoryView(history: ViewFixtures.history()))) }

    static let views: [KeyCase] = [
        KeyCase("H opens the history of the last hour and asks for its counts", KeyCase.pane(.queues), ch("H")) { state, effects in
            #expect(state.topOverlay == .history(HistoryView()) && effects == [.loadHistory(.hour)])
        },
        KeyCase("Tab in the history switches to the last 24 h and counts again", loadedHistory, [.tab]) { state, effects in
            guard case .history(let view) = state.topOverlay else { Issue.record("no history"); return }
            #expect(view.span == .day && view.history == nil && effects == [.loadHistory(.day)])
        },
        KeyCase("j in the history selects the busiest queue for the chart", loadedHistory, ch("j")) { state, _ in
            guard case .history(let view) = state.topOverlay else { Issue.record("no history"); return }
            #expect(view.selectedQueue == "default")
        },
        KeyCase("Esc closes the history", loadedHistory, [.escape]) { state, _ in #expect(state.overlays.isEmpty) },
        KeyCase("L opens the worker's log, following its newest line", ch("L")) { state, effects in
            #expect(state.topOverlay == .log(LogView()) && effects.isEmpty)
        },
        KeyCase("L in gaffer top says there is no local log", UIState(), ch("L")) { state, effects in
            #expect(state.overlays.isEmpty && effects.isEmpty)
            #expect(state.status?.text == "no local worker: gaffer top has no local log")
        },
        KeyCase("v twice shows warnings and errors only", KeyCase.with(.log(LogView(fromBottom: 3))), ch("vv")) { state, _ in
            #expect(state.topOverlay == .log(LogView(minimum: .warning)))
            #expect(state.status?.text == "showing warn and above")
        },
        KeyCase("k scrolls the log back by a line each", KeyCase.with(.log(LogView())), snapshot: ViewFixtures.snapshotWithLog,
                ch("kk")) { state, _ in
            #expect(state.topOverlay == .log(LogView(fromBottom: 2)))
        },
        KeyCase("g goes to the oldest line the screen can show, G back to following", KeyCase.with(.log(LogView())),
                snapshot: ViewFixtures.snapshotWithLog, ch("gG")) { state, _ in
            #expect(state.topOverlay == .log(LogView(fromBottom: 0)))
        },
        KeyCase("q closes the log", KeyCase.with(.log(LogView())), ch("q")) { state, effects in
            #expect(state.overlays.isEmpty && effects.isEmpty)
        },
    ]
}

/// The history's data arriving and reloading while its view is open.
@Suite struct HistoryViewStateTests {
    @Test func countsArriveInTheViewOfTheirSpan() {
        var state = KeyCase.with(.history(HistoryView(span: .day)))
        state.receive(history: ViewFixtures.history(.hour))
        #expect(state.topOverlay == .history(HistoryView(span: .day)))
        state.receive(history: ViewFixtures.history(.day))
        #expect(state.topOverlay == .history(HistoryView(span: .day, history: ViewFixtures.history(.day))))
    }

    @Test func reloadsOnceTheCountsAreTenSecondsOld() {
        let state = KeyBindingTests.loadedHistory
        #expect(state.effectsAfterRefresh(at: Fixtures.now + 9) == [])
        #expect(state.effectsAfterRefresh(at: Fixtures.now + 10) == [.loadHistory(.hour)])
        #expect(state.effectsAfterRefresh() == [])
    }

    @Test func scrollingTheLogStopsAtTheOldestLineThatFills() {
        let top = MonitorUI.update(KeyCase.with(.log(LogView())), key: .character("g"), snapshot: ViewFixtures.snapshotWithLog).0
        // 40 lines kept; 80x24 leaves 18 rows under the frame and the column titles: 22 lines up at most.
        #expect(top.topOverlay == .log(LogView(fromBottom: 22)))
    }
}
