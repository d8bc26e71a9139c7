import Foundation
import GafferCron
import GafferMonitorModel
import GafferMonitor
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Issue 14 item 5: an entry off by default (GoodJob's `enabled_by_default: false`) shows `off`,
/// as `gaffer cron list` says, until the dashboard's enable list switches it on.
@Suite struct CronPaneTruthTests {
    static var snapshot: MonitorSnapshot {
        var s = Fixtures.snapshot
        s.local?.cron.append(.init(key: "publication_updater", schedule: try! CronExpression.parse("*/10 * * * *"),
                                   scheduleText: "*/10 * * * *", jobClass: "PublicationUpdaterJob",
                                   enabledByDefault: false))
        return s
    }

    func row(_ snapshot: MonitorSnapshot) -> String {
        var state = UIState(hasLocalWorker: true)
        state.focus = .cron
        let text = ScreenText.pane(.cron, snapshot, state, size: Size(width: 200, height: 60))
        return ScreenText.lines(text, containing: "publication_updater").first ?? ""
    }

    @Test(arguments: ScreenText.sizes)
    func offByDefaultShowsOff(size: Size) {
        var state = UIState(hasLocalWorker: true)
        state.focus = .cron
        let text = ScreenText.pane(.cron, Self.snapshot, state, size: size)
        SnapshotFile.check(text, named: ScreenText.name("cron-off-by-default", size))
        let line = ScreenText.lines(text, containing: "publicati").first ?? ""
        #expect(line.contains(" off "), "\(line)")
        #expect(!line.contains(" on "), "\(line)")
    }

    @Test func enablingItInTheDatabaseTurnsItOn() {
        var s = Self.snapshot
        s.settings.cronKeysEnabled = ["publication_updater"]
        #expect(row(s).contains(" on "))
        #expect(row(Self.snapshot).contains(" off "))
    }

    @Test func anEntryOnByDefaultIsOffOnlyWhenDisabled() {
        var s = Self.snapshot
        s.settings.cronKeysDisabled = ["nightly_report"]
        let text = ScreenText.pane(.cron, s, size: Size(width: 200, height: 60))
        #expect(ScreenText.lines(text, containing: "nightly_report").first?.contains(" off ") == true)
        #expect(ScreenText.lines(text, containing: "hourly_sync").first?.contains(" on ") == true)
    }
}
