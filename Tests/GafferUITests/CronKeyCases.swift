import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Key cases of cron control in the Cron pane (`e`, `E`, Enter); `KeyBindingTests.cases` includes them.
extension KeyBindingTests {
    /// The Cron pane with `runnable` keys declared by the app, row `row` selected (0: nightly_report, 1: hourly_sync).
    static func cronPane(row: Int = 0, runnable: Set<String> = ["nightly_report", "hourly_sync"], readOnly: Bool = false,
                         snapshot: MonitorSnapshot = Fixtures.snapshot) -> UIState {
        var state = KeyCase.pane(.cron, row: row, readOnly: readOnly)
        state.runnableCronKeys = runnable
        return state
    }

    /// The fixture with nightly_report disabled for the fleet.
    static var nightlyDisabled: MonitorSnapshot {
        var snapshot = Fixtures.snapshot
        snapshot.settings.cronKeysDisabled = ["nightly_report"]
        return snapshot
    }

    static let cronDisableQuestion = GafferUI.Confirmation(
        prompt: "Disable cron key nightly_report for every cron process?",
        detail: ["cron processes skip its fires until enabled; enqueued jobs still run",
                 "written to good_job_settings as GoodJob's dashboard writes it"],
        effect: .setCronEnabled("nightly_report", enabled: false))

    static let cronCases: [KeyCase] = [
        KeyCase("e on an enabled cron key asks to disable it for every cron process", cronPane(), ch("e")) { state, effects in
            #expect(effects.isEmpty && state.topConfirmation == cronDisableQuestion)
        },
        KeyCase("y then disables it", cronPane(), ch("ey")) { state, effects in
            #expect(effects == [.setCronEnabled("nightly_report", enabled: false)] && state.overlays.isEmpty)
        },
        KeyCase("e on a disabled cron key asks to enable it", cronPane(), snapshot: nightlyDisabled, ch("e")) { state, _ in
            #expect(state.topConfirmation?.prompt == "Enable cron key nightly_report for every cron process?")
            #expect(state.topConfirmation?.effect == .setCronEnabled("nightly_report", enabled: true))
        },
        KeyCase("E in the Cron pane asks to enqueue the key now", cronPane(row: 1), ch("E")) { state, effects in
            #expect(effects.isEmpty)
            #expect(state.topConfirmation == GafferUI.Confirmation(
                prompt: "Enqueue cron key hourly_sync now?",
                detail: ["one HourlySyncJob job with cron_at = now, as GoodJob's Enqueue now"],
                effect: .enqueueCron("hourly_sync")))
        },
        KeyCase("E on a disabled key says this one run goes ahead anyway", cronPane(), snapshot: nightlyDisabled,
                ch("Ey")) { state, effects in
            #expect(effects == [.enqueueCron("nightly_report")])
        },
        KeyCase("E on a key only the database knows says to enqueue it from its app", cronPane(runnable: []), ch("E")) { state, effects in
            #expect(effects.isEmpty && state.overlays.isEmpty)
            #expect(state.status?.text == "this key is declared by another app (seen only in the database): enqueue it from there")
        },
        KeyCase("E in another pane still runs a job now", KeyCase.list(), ch("E")) { state, _ in
            #expect(state.topConfirmation?.prompt == "Run job 0000000a now?")
        },
        KeyCase("e and E in read-only mode are refused", cronPane(readOnly: true), ch("eE")) { state, effects in
            #expect(effects.isEmpty && state.overlays.isEmpty && state.status?.text == "read-only mode: actions are off")
        },
        KeyCase("Enter on a cron key lists its jobs on its newest job's state", cronPane(), [.enter]) { state, effects in
            let scope = JobListScope(state: .succeeded, cronKey: "nightly_report", byBadge: true)
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
            #expect(state.topList?.title == "cron nightly_report")
        },
        KeyCase("Enter on a cron key that never ran lists its queued jobs", cronPane(row: 1), [.enter]) { state, effects in
            let scope = JobListScope(state: .queued, cronKey: "hourly_sync", byBadge: true)
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
        },
    ]
}

/// Cron control on the screen (issue 16): the Cron pane's footer, both questions and a key's job list.
@Suite struct CronSnapshotTests {
    static let sizes: [Size] = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    func screen(_ state: UIState, _ snapshot: MonitorSnapshot = Fixtures.snapshot, _ size: Size) -> String {
        MonitorUI.render(snapshot, state, width: size.width, height: size.height).text()
    }

    func pressed(_ keys: [Key], _ start: UIState, _ snapshot: MonitorSnapshot = Fixtures.snapshot) -> UIState {
        keys.reduce(start) { state, key in MonitorUI.update(state, key: key, snapshot: snapshot).0 }
    }

    @Test(arguments: sizes)
    func cronPaneQuestionsAndJobs(size: Size) {
        let pane = KeyBindingTests.cronPane()
        let footer = screen(pane, Fixtures.snapshot, size)
        #expect(footer.contains("e on/off") && footer.contains("E enqueue now"))
        SnapshotFile.check(footer, named: ScreenSnapshotTests.name("cron-pane", size))
        SnapshotFile.check(screen(pressed(KeyBindingTests.ch("e"), pane), Fixtures.snapshot, size),
                           named: ScreenSnapshotTests.name("cron-disable", size))
        let disabled = KeyBindingTests.nightlyDisabled
        SnapshotFile.check(screen(pressed(KeyBindingTests.ch("E"), pane, disabled), disabled, size),
                           named: ScreenSnapshotTests.name("cron-enqueue-off", size))
        var list = pressed([.enter], pane)
        if case .jobs(var view) = list.topOverlay {
            view.jobs = KeyCase.jobs(3, state: .succeeded).map { job in
                var job = job
                job.jobClass = "NightlyReportJob"
                return job
            }
            view.total = 3
            view.exhausted = true
            list.replaceTop(.jobs(view))
        }
        SnapshotFile.check(screen(list, Fixtures.snapshot, size), named: ScreenSnapshotTests.name("cron-jobs", size))
    }
}
