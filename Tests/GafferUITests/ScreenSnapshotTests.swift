import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Whole screens and each pane as text, from the fixed snapshot in `Fixtures` (no database, no
/// terminal), checked against the files in `Snapshots/` (`RECORD_SNAPSHOTS=1` re-records them).
@Suite struct ScreenSnapshotTests {
    /// The sizes every pane and the detail view are checked at: the minimum and a large terminal.
    static let sizes: [Size] = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    func screen(_ state: UIState = UIState(hasLocalWorker: true), _ snapshot: MonitorSnapshot = Fixtures.snapshot,
                width: Int = 80, height: Int = 24) -> String {
        MonitorUI.render(snapshot, state, width: width, height: height).text()
    }

    static func name(_ base: String, _ size: Size) -> String { "\(base)-\(size.width)x\(size.height)" }

    @Test(arguments: sizes + [Size(width: 120, height: 40)])
    func allPanes(size: Size) {
        SnapshotFile.check(screen(width: size.width, height: size.height), named: Self.name("panes", size))
    }

    /// Each pane as laid out, cut from a screen where it has the focus and its last row is selected.
    @Test(arguments: Pane.allCases, sizes)
    func eachPane(pane: Pane, size: Size) {
        var state = UIState(hasLocalWorker: true)
        state.focus = pane
        state.selections[pane] = RowSelection(index: 1_000)
        let buffer = MonitorUI.render(Fixtures.snapshot, state, width: size.width, height: size.height)
        let body = MonitorUI.screenRows(buffer.bounds)[1]
        guard let area = MonitorUI.paneAreas(body)[pane] else { Issue.record("no area for \(pane)"); return }
        let text = buffer.text(in: area)
        #expect(text.contains("─ \(pane.rawValue + 1) \(pane.title) "))
        SnapshotFile.check(text, named: Self.name("pane-\(pane.title.lowercased())", size))
    }

    /// Twelve queues in a pane with room for fewer: its bottom border says which rows show, first the top
    /// ones, then, with the last row selected, the bottom ones; a pane whose rows all fit says nothing.
    @Test func aPaneWhoseRowsDoNotFitSaysWhichRowsShow() throws {
        var snapshot = Fixtures.snapshot
        snapshot.queues = (1...12).map { QueueStats(name: String(format: "queue_%02d", $0), queued: $0) }
        var state = UIState(hasLocalWorker: true)
        state.focus = .queues
        let buffer = MonitorUI.render(snapshot, state, width: 80, height: 24)
        let body = MonitorUI.screenRows(buffer.bounds)[1]
        let area = try #require(MonitorUI.paneAreas(body)[.queues])
        let lines = buffer.text(in: area).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shown = lines.filter { $0.contains("queue_") }.count
        #expect(shown > 0 && shown < 12)
        #expect(lines.last(where: { !$0.isEmpty })?.contains(" 1–\(shown) of 12 ") == true, "\(lines)")

        state.selections[.queues] = RowSelection(index: 11)
        let scrolled = MonitorUI.render(snapshot, state, width: 80, height: 24)
        let text = scrolled.text(in: area)
        #expect(text.contains("queue_12") && !text.contains("queue_01"))
        #expect(text.contains(" \(13 - shown)–12 of 12 "), "\(text)")
        SnapshotFile.check(text, named: "pane-queues-overflow-80x24")

        let threads = try #require(MonitorUI.paneAreas(body)[.threads])
        #expect(!scrolled.text(in: threads).contains(" of "))
    }

    @Test(arguments: sizes)
    func jobDetail(size: Size) {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.detail(DetailView(id: Fixtures.id(4), detail: Fixtures.detail))]
        SnapshotFile.check(screen(state, width: size.width, height: size.height), named: Self.name("detail", size))
    }

    /// `b`: the batches with their progress, state and callbacks; database text shown escaped.
    @Test(arguments: sizes)
    func batches(size: Size) {
        let state = KeyCase.with(.batches(BatchListView()), over: UIState(hasLocalWorker: true))
        let text = screen(state, width: size.width, height: size.height)
        #expect(text.contains(#"evil\e[2J"#))
        SnapshotFile.check(text, named: Self.name("batches", size))
    }

    /// A Swift failure: the application's frames (highlighted) by default, the full trace after `t`.
    @Test func swiftFailureShowsApplicationFramesThenTheFullTrace() {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.detail(DetailView(id: Fixtures.id(4), detail: Fixtures.swiftDetail))]
        let appOnly = MonitorUI.render(Fixtures.snapshot, state, width: 160, height: 48)
        #expect(!appOnly.text().contains("JobRunner.swift") && appOnly.text().contains("4 framework frames hidden"))
        SnapshotFile.check(appOnly.text(), named: "detail-swift-app-160x48")
        state = MonitorUI.update(state, key: .character("t"), snapshot: Fixtures.snapshot).0
        let full = MonitorUI.render(Fixtures.snapshot, state, width: 160, height: 48)
        #expect(full.text().contains("JobRunner.swift:45"))
        SnapshotFile.check(full.text(), named: "detail-swift-full-160x48")
        // Application frames in the info role, the engine's and the runtime's muted.
        SnapshotFile.check(full.styleMask(legend: [.info: "A", .muted: "-", .error: "E"], unknown: " "),
                           named: "detail-swift-full-roles-160x48")
    }

    /// `gaffer top` on an empty database: every pane says why it has no rows.
    @Test func emptyDatabase() {
        SnapshotFile.check(screen(UIState(), .empty(at: Fixtures.now)), named: "empty-80x24")
    }

    /// `P` pressed: the header, the Threads title and idle slots say PAUSED.
    @Test func pausedLocalWorker() {
        var snapshot = Fixtures.snapshot
        snapshot.local?.isPaused = true
        let text = screen(UIState(hasLocalWorker: true), snapshot)
        #expect(text.contains("worker 4242 PAUSED"))
        SnapshotFile.check(text, named: "paused-80x24")
    }

    @Test func tooSmallSaysTheSizeNeeded() {
        let text = screen(width: 60, height: 15)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines == ["terminal too small: 60×15, need 80×24"])
        #expect(screen(width: 79, height: 40).contains("need 80×24"))
        #expect(screen(width: 200, height: 23).contains("need 80×24"))
    }

    @Test func databaseTextIsShownEscaped() {
        // The Failures row's error class is ESC [2J ESC ]0;pwned BEL: shown as text, never obeyed.
        let buffer = MonitorUI.render(Fixtures.snapshot, UIState(), width: 160, height: 48)
        #expect(buffer.text().contains(#"\e[2J\e]0;pwned\a"#))
        #expect(!buffer.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        var state = UIState()
        var detail = Fixtures.detail
        detail.error = "Evil: \u{1b}[2J\u{1b}]0;pwned\u{07}"
        detail.executions[0].backtrace = ["line\u{1b}[31m red", String(repeating: "x", count: 2000)]
        state.overlays = [.detail(DetailView(id: detail.id, detail: detail))]
        let text = screen(state, width: 120, height: 40)
        #expect(text.contains(#"error: Evil: \e[2J\e]0;pwned\a"#))
        #expect(text.contains(#"line\e[31m red"#))
    }

    @Test func jobListWithAMarkAndAConfirmation() {
        var state = UIState(hasLocalWorker: true)
        let job = JobSummary(id: Fixtures.id(4), jobClass: "SyncInventoryJob", queue: "default", priority: 0,
                             state: .discarded, sortAt: Fixtures.now - 300, attempts: 2, labels: ["inventory"],
                             error: "Net::ReadTimeout: timed out")
        state.overlays = [.jobs(JobListView(title: "queue default", scope: JobListScope(state: .discarded, queue: "default"),
                                            jobs: [job], marks: [job.id], exhausted: true)),
                          .confirm(Confirmation(prompt: "Retry 1 marked jobs?", effect: .refreshNow))]
        SnapshotFile.check(screen(state), named: "confirm-80x24")
    }

    /// Issue 16: the question for every match of a filtered list (count and filter named), its progress,
    /// the force-discard question and the find prompt.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func actingOnEveryMatch(size: Size) {
        var state = KeyBindingTests.everyMatch
        state.overlays.append(.confirm(KeyBindingTests.bulkQuestion))
        SnapshotFile.check(screen(state, width: size.width, height: size.height), named: Self.name("bulk-confirm", size))
        state.overlays[1] = .progress(BulkProgress(title: "Discarding", line: "discarded: 1,500 of 3,000 done · 1 skipped"))
        SnapshotFile.check(screen(state, width: size.width, height: size.height), named: Self.name("bulk-progress", size))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func forceDiscardAndFind(size: Size) {
        let (asked, _) = MonitorUI.update(UIState(hasLocalWorker: true), key: .character("X"), snapshot: Fixtures.snapshot)
        SnapshotFile.check(screen(asked, width: size.width, height: size.height), named: Self.name("force-discard", size))
        var finding = UIState(hasLocalWorker: true)
        finding.findText = "6d6acc"
        SnapshotFile.check(screen(finding, width: size.width, height: size.height), named: Self.name("find-prompt", size))
    }

    /// The quit menu names its keys from the binding table (`Keymap`), not from text of its own.
    @Test func quitMenu() {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.quit]
        SnapshotFile.check(screen(state), named: "quit-80x24")
    }

    @Test func readOnlyAndFrozenShowBadges() {
        var state = UIState(readOnly: true)
        state.frozen = true
        let top = screen(state, width: 120, height: 40).split(separator: "\n")[0]
        #expect(top.contains("READ-ONLY") && top.contains("FROZEN"))
    }
}

/// The history (`H`) and log (`L`) views at the minimum and a large terminal.
@Suite struct ViewSnapshotTests {
    static let sizes: [Size] = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    func screen(_ state: UIState, _ snapshot: MonitorSnapshot = Fixtures.snapshot, _ size: Size) -> String {
        MonitorUI.render(snapshot, state, width: size.width, height: size.height).text()
    }

    @Test(arguments: sizes)
    func historyOfTheLastHour(size: Size) {
        let text = screen(KeyBindingTests.loadedHistory, Fixtures.snapshot, size)
        #expect(text.contains("History · per minute, last hour") && text.contains(#"evil\e[2J"#))
        SnapshotFile.check(text, named: ScreenSnapshotTests.name("history-hour", size))
    }

    /// The last 24 h with a queue selected: at 80 columns three 10-minute buckets make a bar.
    @Test(arguments: sizes)
    func historyOfTheLastDayForOneQueue(size: Size) {
        let state = KeyCase.with(.history(HistoryView(span: .day, history: ViewFixtures.history(.day),
                                                      selection: RowSelection(index: 2, key: "mailers"))))
        let text = screen(state, Fixtures.snapshot, size)
        #expect(text.contains("queue mailers"))
        SnapshotFile.check(text, named: ScreenSnapshotTests.name("history-day-mailers", size))
    }

    @Test func historyWhileCounting() {
        let text = screen(KeyCase.with(.history(HistoryView())), Fixtures.snapshot, Size(width: 80, height: 24))
        #expect(text.contains("counting finished jobs…"))
    }

    @Test(arguments: sizes)
    func logFollowingTheNewestLines(size: Size) {
        let text = screen(KeyCase.with(.log(LogView())), ViewFixtures.snapshotWithLog, size)
        #expect(text.contains(#"evil \e]0;pwned\a line"#) && !text.contains("\u{1b}"))
        SnapshotFile.check(text, named: ScreenSnapshotTests.name("log", size))
    }

    @Test func logOfErrorsScrolledBack() {
        let state = KeyCase.with(.log(LogView(minimum: .error, fromBottom: 2)))
        let text = screen(state, ViewFixtures.snapshotWithLog, Size(width: 80, height: 24))
        #expect(!text.contains(" info ") && text.contains("2 newer below"))
        SnapshotFile.check(text, named: "log-errors-80x24")
    }

    @Test func noLocalLogInTop() {
        let text = screen(KeyCase.with(.log(LogView()), over: UIState()), .empty(at: Fixtures.now), Size(width: 80, height: 24))
        #expect(text.contains("no local worker: gaffer top has no local log"))
    }
}
