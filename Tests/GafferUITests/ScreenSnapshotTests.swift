import Foundation
import GafferMonitor
import GafferStore
import GafferUI
import TerminalKit
import Testing

@Suite struct ScreenSnapshotTests {
    func screen(_ state: UIState = UIState(hasLocalWorker: true), _ snapshot: MonitorSnapshot = Fixtures.snapshot,
                width: Int = 80, height: Int = 24) -> String {
        MonitorUI.render(snapshot, state, width: width, height: height).text()
    }

    @Test func dump() {
        print(screen())
        try? screen(width: 120, height: 40).write(toFile: "/tmp/mon-120.txt", atomically: true, encoding: .utf8)
        print(screen(width: 60, height: 15))
    }
}
