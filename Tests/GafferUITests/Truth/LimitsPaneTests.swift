import Foundation
import GafferCron
import GafferMonitorModel
import GafferMonitor
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Issue 14 item 8: the Limits pane's rule is readable at 120 columns, it estimates how long the
/// waiting jobs take to clear at the throttle's pace, and Processes counts the local worker's
/// threads as Threads does.
@Suite struct LimitsPaneTests {
    static var snapshot: MonitorSnapshot {
        var s = Fixtures.snapshot
        s.local?.limits[0].windowPeriod = 1
        s.local?.limits[1].windowPeriod = 1
        s.concurrencyKeys = [ConcurrencyKeyStats(key: "import-42", running: 1, waiting: 1280)]
        return s
    }

    @Test(arguments: ScreenText.sizes)
    func ruleAndTimeToClear(size: Size) {
        var state = UIState(hasLocalWorker: true)
        state.focus = .limits
        let text = ScreenText.pane(.limits, Self.snapshot, state, size: size)
        SnapshotFile.check(text, named: ScreenText.name("limits", size))
        let row = ScreenText.lines(text, containing: "import-42").first ?? ""
        if size.width >= 120 {
            #expect(row.contains("≈10m") && row.contains("run ≤2, 2 per 1s"), "\(row)")  // 1,280 at 2/s
        }
    }

    @Test func processesCountTheLocalWorkersThreadsLive() {
        var s = Fixtures.snapshot
        s.processes[0].activeThreads = 0  // its heartbeat said idle; two slots run now
        let text = ScreenText.pane(.processes, s, size: Size(width: 120, height: 40))
        #expect(ScreenText.lines(text, containing: "worker-1").first?.contains(" 2/3 ") == true, "\(text)")
    }

    @Test func shortRules() {
        #expect(PaneContent.shortRule("perform_limit: 2, perform_throttle: [2, 1s]") == "run ≤2, 2 per 1s")
        #expect(PaneContent.shortRule("total_limit: 5, enqueue_throttle: [10, 1m]") == "total ≤5, enqueue 10 per 1m")
    }
}
