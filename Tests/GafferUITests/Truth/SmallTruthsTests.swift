import Foundation
import GafferMonitorModel
import GafferMonitor
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Issue 14 item 13: the small untruths (plurals, questions, the quit footer, ages cut to half).
@Suite struct SmallTruthsTests {
    @Test func agesKeepASecondUnitWhileTheFirstIsOneDigit() {
        #expect(Format.age(42) == "42s")
        #expect(Format.age(108) == "1m48s")
        #expect(Format.age(599) == "9m59s")
        #expect(Format.age(754) == "12m")
        #expect(Format.age(3723) == "1h02m")
        #expect(Format.age(50_400) == "14h")
        #expect(Format.age(2 * 86_400 + 7 * 3600) == "2d07h")
        #expect(Format.age(-5) == "0s")
    }

    @Test func oneKeyIsOneKey() {
        var s = Fixtures.snapshot
        s.local?.limits.removeLast()
        s.local?.cron.removeLast()
        let screen = ScreenText.screen(s, size: Size(width: 120, height: 40))
        #expect(screen.contains(" 1 key · live ─"))
        #expect(!screen.contains("1 keys"))
    }

    @Test func runNowAsksToRunTheJobNow() {
        var state = UIState(hasLocalWorker: true)
        let job = JobSummary(id: Fixtures.id(0x6d6acc51), jobClass: "SyncInventoryJob", queue: "default", priority: 0,
                             state: .queued, sortAt: Fixtures.now - 30, attempts: 0, labels: [], error: nil)
        state.overlays = [.jobs(JobListView(title: "queue default", scope: JobListScope(state: .queued, queue: "default"),
                                            jobs: [job], exhausted: true))]
        let (next, _) = MonitorUI.update(state, key: .character("E"), snapshot: Fixtures.snapshot)
        guard case .confirm(let confirmation) = next.topOverlay else { Issue.record("no confirmation"); return }
        #expect(confirmation.prompt == "Run job 6d6acc51 now?")
    }

    /// The Leave dialog says `Esc stay`; the footer under it must say the same.
    @Test(arguments: ScreenText.sizes)
    func quitFooterSaysWhatTheDialogSays(size: Size) {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.quit]
        let screen = ScreenText.screen(Fixtures.snapshot, state, size: size)
        let footer = screen.split(separator: "\n", omittingEmptySubsequences: false)[size.height - 2]
        #expect(footer.contains("Esc stay"), "\(footer)")
        #expect(!footer.contains("n no"), "\(footer)")
        SnapshotFile.check(screen, named: ScreenText.name("quit-dialog", size))
    }
}

/// Issue 14 item 11: idle queues keep their rows in Queues (zero counts, muted), in name order.
@Suite struct IdleQueuesPaneTests {
    @Test(arguments: ScreenText.sizes)
    func idleAndPausedEmptyQueuesHaveRows(size: Size) {
        var s = Fixtures.snapshot
        s.queueNames = ["default", "exports", "mailers", "reports"]
        s.settings.pausedQueues = ["exports"]
        var state = UIState(hasLocalWorker: true)
        state.focus = .queues
        let text = ScreenText.pane(.queues, s, state, size: size)
        SnapshotFile.check(text, named: ScreenText.name("queues-idle", size))
        let order = ["default", "exports", "mailers", "reports"].map { name in
            text.split(separator: "\n").firstIndex { $0.contains("│" + name) } ?? -1
        }
        #expect(!order.contains(-1) && order == order.sorted(), "\(order)")
        #expect(text.contains("exports ("))
    }
}

/// Issue 14 item 2: an open detail is re-read after every refresh (and so after `^R`).
@Suite struct DetailRefreshTests {
    @Test func everyRefreshReloadsTheOpenDetail() {
        var state = UIState(hasLocalWorker: true)
        #expect(state.effectsAfterRefresh().isEmpty)
        state.overlays = [.detail(DetailView(id: Fixtures.id(4), detail: Fixtures.detail))]
        #expect(state.effectsAfterRefresh() == [.loadDetail(Fixtures.id(4))])
        state.overlays.append(.help(scroll: 0))
        #expect(state.effectsAfterRefresh() == [.loadDetail(Fixtures.id(4))])
    }
}

/// Issue 14 item 1 on the screen: the detail of a throttled job says so, at every size.
@Suite struct ThrottledDetailTests {
    @Test(arguments: ScreenText.sizes)
    func theDetailSaysThrottled(size: Size) {
        var s = Fixtures.snapshot
        s.local?.jobClasses = ["SyncInventoryJob"]
        s.settings.pausedJobClasses = []
        var detail = Fixtures.detail
        detail.state = .queued
        detail.finishedAt = nil
        detail.performedAt = nil
        detail.concurrencyKey = "import-42"
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.detail(DetailView(id: detail.id, detail: detail))]
        let text = ScreenText.screen(s, state, size: size)
        #expect(text.contains("why not running: throttled: key import-42 started 2 of 2"), "\(text)")
        SnapshotFile.check(text, named: ScreenText.name("detail-throttled", size))
    }
}
