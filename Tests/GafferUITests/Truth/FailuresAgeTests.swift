import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// The Failures pane refreshes less often than the other slow panes on a large backlog; its frame shows its own age.
@Suite struct FailuresAgeTests {
    @Test func theFailuresFrameShowsItsOwnAge() {
        var s = Fixtures.snapshot
        s.slowTakenAt = Fixtures.now
        s.failuresTakenAt = Fixtures.now.addingTimeInterval(-90)
        let size = Size(width: 120, height: 40)
        let failures = ScreenText.pane(.failures, s, size: size)
        let cron = ScreenText.pane(.cron, s, size: size)
        #expect(failures.split(separator: "\n").first?.contains("1m30s old") == true, "\(failures)")
        #expect(cron.split(separator: "\n").first?.contains("live") == true, "\(cron)")
        s.failuresTakenAt = nil
        #expect(ScreenText.pane(.failures, s, size: size).split(separator: "\n").first?.contains("live") == true)
    }
}
