import Foundation
import GafferMonitorModel
import GafferMonitor
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Issue 14 item 9: while the database is unreachable the screen says so everywhere (banner, greyed
/// numbers, every pane's age counting up, the clock running), then turns live again.
@Suite struct OutageScreenTests {
    static var outage: MonitorSnapshot {
        var s = Fixtures.snapshot
        s.slowTakenAt = Fixtures.now - 3
        s.refresh.error = "connection to server on socket \"/tmp/pg/.s.PGSQL.5432\" failed: No such file or directory"
        s.refresh.failingSince = Fixtures.now + 1
        s.refresh.interval = 5
        return s
    }

    func render(_ s: MonitorSnapshot, at now: Date, _ size: Size) -> CellBuffer {
        MonitorUI.render(s, UIState(hasLocalWorker: true), width: size.width, height: size.height, now: now)
    }

    @Test(arguments: ScreenText.sizes)
    func outageIsVisibleEverywhere(size: Size) {
        let buffer = render(Self.outage, at: Fixtures.now + 37, size)
        let text = buffer.text()
        SnapshotFile.check(text, named: ScreenText.name("outage", size))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("NO DATABASE · data 37s old"), "\(lines[0])")
        #expect(lines[0].contains("20:27:17"))  // the clock runs on: 20:26:40 + 37 s
        for pane in Pane.allCases {
            let title = lines.first { $0.contains("\(pane.rawValue + 1) \(pane.title) ") } ?? ""
            #expect(title.contains("37s old") || title.contains("40s old"), "\(pane): \(title)")
        }
        #expect(text.contains("37s old") && text.contains("40s old"))  // fast panes 37 s, slow ones 40 s
        #expect(lines[size.height - 1].contains("database unreachable for 36s"))
        // No number is drawn as live: every cell of the Queues rows is muted.
        let queues = MonitorUI.paneAreas(MonitorUI.screenRows(buffer.bounds)[1])[.queues]!
        let row = queues.y + 3  // mailers (the first row is selected)
        for x in (queues.x + 1)..<(queues.maxX - 1) where buffer[x, row].character != " " {
            #expect(buffer[x, row].style.role == .muted, "x \(x): \(buffer[x, row])")
        }
        // Later, the age has counted up.
        #expect(render(Self.outage, at: Fixtures.now + 50, size).text().contains("data 50s old"))
    }

    @Test(arguments: ScreenText.sizes)
    func recoveryIsLiveAgain(size: Size) {
        var s = Self.outage
        s.takenAt = Fixtures.now + 60
        s.slowTakenAt = Fixtures.now + 60
        s.refresh = RefreshStatus(queryTime: 0.012, interval: 1)
        let text = render(s, at: Fixtures.now + 60.5, size).text()
        SnapshotFile.check(text, named: ScreenText.name("outage-recovered", size))
        #expect(!text.contains("NO DATABASE") && !text.contains("STALE") && !text.contains("unreachable"))
        #expect(text.contains("· live"))
    }

    @Test func oldDataWithoutAnErrorIsStaleToo() {
        var s = Fixtures.snapshot
        s.refresh.interval = 1
        #expect(!DataAge(s, now: Fixtures.now + 4).isStale)
        #expect(DataAge(s, now: Fixtures.now + 6).isStale)
        #expect(render(s, at: Fixtures.now + 6, Size(width: 120, height: 40)).text().contains("STALE · data 6s old"))
    }
}
