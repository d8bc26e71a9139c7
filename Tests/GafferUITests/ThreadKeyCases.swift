import Foundation
import GafferCore
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Snapshots of a co-hosted worker whose thread count changes.
enum ThreadFixtures {
    /// The fixture's worker after `[` twice: its pool asks for 1 thread; slot #2 still runs its job, retiring.
    static var shrunk: MonitorSnapshot {
        var snapshot = Fixtures.snapshot
        snapshot.local?.pools = [.init(index: 0, queues: "default,mailers", threads: 1)]
        if let slots = snapshot.local?.slots {
            snapshot.local?.slots = [slots[0], LocalWorkerSnapshot.Slot(index: 1, pool: 0, job: slots[1].job, retiring: true)]
        }
        return snapshot
    }

    /// One pool at `threads`, its slots all idle.
    static func pool(threads: Int) -> MonitorSnapshot {
        var snapshot = Fixtures.snapshot
        snapshot.local?.pools = [.init(index: 0, queues: "default,mailers", threads: threads)]
        snapshot.local?.slots = (0..<threads).map { .init(index: $0, pool: 0, job: nil) }
        return snapshot
    }

    /// The fixture's pool plus a second, `reports:1`, whose one slot is idle (row 3 of Threads).
    static var twoPools: MonitorSnapshot {
        var snapshot = Fixtures.snapshot
        snapshot.local?.pools.append(.init(index: 1, queues: "reports", threads: 1))
        snapshot.local?.slots.append(.init(index: 0, pool: 1, job: nil))
        return snapshot
    }
}

/// Key cases of `]` and `[`; `KeyBindingTests.cases` includes them.
extension KeyBindingTests {
    static let threadCases: [KeyCase] = [
        KeyCase("] asks for one more thread in the selected slot's pool", ch("]")) { state, effects in
            #expect(effects == [.changeLocalThreads(pool: 0, by: 1)] && state.status == nil)
        },
        KeyCase("[ asks for one thread fewer", KeyCase.pane(.threads, row: 2), ch("[")) { _, effects in
            #expect(effects == [.changeLocalThreads(pool: 0, by: -1)])
        },
        KeyCase("] on another process's job changes the only pool", KeyCase.pane(.threads, row: 3), ch("]")) { _, effects in
            #expect(effects == [.changeLocalThreads(pool: 0, by: 1)])
        },
        KeyCase("] on a slot of the second pool changes that pool", KeyCase.pane(.threads, row: 3),
                snapshot: ThreadFixtures.twoPools, ch("]")) { _, effects in
            #expect(effects == [.changeLocalThreads(pool: 1, by: 1)])
        },
        KeyCase("] on another process's job with two pools asks for a slot", KeyCase.pane(.threads, row: 4),
                snapshot: ThreadFixtures.twoPools, ch("]")) { state, effects in
            #expect(effects.isEmpty && state.status?.text == "select a slot of this worker: its pool changes")
        },
        KeyCase("[ at one thread says it is the fewest", snapshot: ThreadFixtures.pool(threads: 1), ch("[")) { state, effects in
            #expect(effects.isEmpty)
            #expect(state.status?.text == "pool 1 (default,mailers) already runs 1 thread, the fewest a pool can run (1…1000, as --max-threads)")
        },
        KeyCase("] at 1000 threads says it is the most", snapshot: ThreadFixtures.pool(threads: 1000), ch("]")) { state, effects in
            #expect(effects.isEmpty)
            #expect(state.status?.text == "pool 1 (default,mailers) already runs 1000 threads, the most a pool can run (1…1000, as --max-threads)")
        },
        KeyCase("] in gaffer top says there is no local worker", UIState(), ch("]")) { state, effects in
            #expect(effects.isEmpty && state.status?.text == "no local worker: gaffer top only watches")
        },
        KeyCase("[ in read-only mode changes nothing", KeyCase.pane(.threads, readOnly: true), ch("[")) { state, effects in
            #expect(effects.isEmpty && state.status?.text == "read-only mode: actions are off")
        },
        KeyCase("] outside the Threads pane does nothing", KeyCase.pane(.queues), ch("]")) { state, effects in
            #expect(effects.isEmpty && state.status?.text == "] does nothing here; ? lists the keys")
        },
    ]
}

/// The Threads pane, the footer and the help with the thread keys, as text snapshots.
@Suite struct ThreadKeySnapshotTests {
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 160, height: 48)])
    func retiringSlotsShowUntilTheyGo(size: Size) {
        let pane = ScreenText.pane(.threads, ThreadFixtures.shrunk, size: size)
        #expect(ScreenText.lines(pane, containing: "#2 ").first?.contains(" last ") == true, "\(pane)")
        if size.width >= 160 { #expect(pane.contains("1/1 busy · 1 retiring")) }
        SnapshotFile.check(pane, named: ScreenText.name("threads-retiring", size))
    }

    @Test func twoPoolsNameTheirSlotsByPool() {
        let size = Size(width: 120, height: 40)
        SnapshotFile.check(ScreenText.pane(.threads, ThreadFixtures.twoPools, size: size),
                           named: ScreenText.name("threads-two-pools", size))
    }

    @Test func theFooterOfTheThreadsPaneOffersTheKeys() {
        let screen = ScreenText.screen(ThreadFixtures.shrunk, size: Size(width: 120, height: 40))
        let footer = screen.split(separator: "\n").dropLast().last.map(String.init) ?? ""
        #expect(footer.contains("] +thread") && footer.contains("[ -thread"), "\(footer)")
        SnapshotFile.check(screen, named: "threads-footer-120x40")
    }

    @Test func theHelpListsTheKeys() {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.help(scroll: 0)]
        let screen = ScreenText.screen(ThreadFixtures.shrunk, state, size: Size(width: 120, height: 60))
        #expect(screen.contains("One more thread for the selected slot's pool"))
        #expect(screen.contains("One thread fewer: an idle slot goes now, a busy one (last) when its job ends"))
        SnapshotFile.check(screen, named: "threads-help-120x60")
    }

    /// The local worker's row in Processes counts as Threads does: busy of the threads asked for.
    @Test func theProcessRowCountsTheNewThreads() {
        let pane = ScreenText.pane(.processes, ThreadFixtures.shrunk, size: Size(width: 80, height: 24))
        #expect(ScreenText.lines(pane, containing: "worker-1 *").first?.contains(" 1/1 ") == true, "\(pane)")
    }
}
