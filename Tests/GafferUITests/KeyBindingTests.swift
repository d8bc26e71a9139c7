import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Every key of every binding in `Keymap`, pressed where it applies, and its effect on the UI state;
/// `everyBindingIsExercised` fails when a binding (or one of its keys) has no case here.
@Suite struct KeyBindingTests {
    static func ch(_ text: String) -> [Key] { text.map { .character($0) } }

    static let defaultQueueRow = 0
    static let discardedGroupRow = 0
    static let retryingGroupRow = 1
    static let evilError = "\u{1b}[2J\u{1b}]0;pwned\u{07}"
    static var retryingScope: JobListScope {
        JobListScope(state: .retried, jobClass: "EvilJob", errorClass: evilError, byBadge: true)
    }
    static var discardedScope: JobListScope {
        JobListScope(state: .discarded, jobClass: "SyncInventoryJob", errorClass: "Net::ReadTimeout",
                     since: Fixtures.now - 86_400)
    }

    static var cases: [KeyCase] {
        navigation + scrolling + filtering + opening + closing + actions + confirming + pausing + marking + others + views + sorting
            + operatorCases + cronCases + threadCases
    }

    // MARK: Panes

    static let navigation: [KeyCase] = [
        KeyCase("Tab goes to the next pane", [.tab]) { state, _ in #expect(state.focus == .queues) },
        KeyCase("S-Tab goes to the previous pane", [.backTab]) { state, _ in #expect(state.focus == .processes) },
    ] + Pane.allCases.map { pane in
        KeyCase("\(pane.rawValue + 1) focuses \(pane.title)", KeyCase.pane(pane == .cron ? .threads : .cron),
                ch(String(pane.rawValue + 1))) { state, effects in
            #expect(state.focus == pane && effects.isEmpty)
        }
    }

    // MARK: Moving and scrolling

    static let scrolling: [KeyCase] = [
        KeyCase("j and ↓ move down in a pane, remembering the row", [.character("j"), .down]) { state, _ in
            #expect(state.selection(.threads) == RowSelection(index: 2, key: "slot-0-2"))
        },
        KeyCase("k and ↑ move up", KeyCase.pane(.threads, row: 3), [.character("k"), .up]) { state, _ in
            #expect(state.selection(.threads).index == 1)
        },
        KeyCase("g goes to the top", KeyCase.pane(.threads, row: 3), ch("g")) { state, _ in
            #expect(state.selection(.threads).index == 0)
        },
        KeyCase("Home goes to the top", KeyCase.pane(.threads, row: 3), [.home]) { state, _ in
            #expect(state.selection(.threads).index == 0)
        },
        KeyCase("G goes to the bottom", ch("G")) { state, _ in #expect(state.selection(.threads).index == 3) },
        KeyCase("End goes to the bottom", [.end]) { state, _ in #expect(state.selection(.threads).index == 3) },
        KeyCase("PgDn stops at the last row", [.pageDown]) { state, _ in #expect(state.selection(.threads).index == 3) },
        KeyCase("PgUp stops at the first row", KeyCase.pane(.threads, row: 3), [.pageUp]) { state, _ in
            #expect(state.selection(.threads).index == 0)
        },
        KeyCase("j scrolls the help", KeyCase.with(.help(scroll: 0)), ch("jj")) { state, _ in
            #expect(state.topOverlay == .help(scroll: 2))
        },
        KeyCase("↓ and PgDn scroll the detail", KeyCase.detail(), [.down, .pageDown]) { state, _ in
            #expect(state.topDetail?.scroll == 11)
        },
        KeyCase("k after G scrolls up from the bottom of the detail at once", KeyCase.detail(), ch("Gk")) { state, _ in
            let bottom = MonitorUI.maxScroll(of: KeyCase.detail().topOverlay!, state: KeyCase.detail(), Fixtures.snapshot)
            #expect(bottom > 10)
            #expect(state.topDetail?.scroll == bottom - 1)
        },
        KeyCase("PgUp after End scrolls the help up by a page", KeyCase.with(.help(scroll: 0)), [.end, .pageUp]) { state, _ in
            let bottom = MonitorUI.maxScroll(of: .help(scroll: 0), state: KeyCase.with(.help(scroll: 0)), Fixtures.snapshot)
            #expect(bottom > 10)
            #expect(state.topOverlay == .help(scroll: bottom - 10))
        },
        KeyCase("j in a job list moves the selection", KeyCase.list(), ch("j")) { state, effects in
            #expect(state.topList?.selection == RowSelection(index: 1, key: Fixtures.id(11).uuidString))
            #expect(effects.isEmpty)
        },
        KeyCase("j onto the last row of a full page loads the next page",
                KeyCase.list(KeyCase.jobs(JobListView.pageSize), row: JobListView.pageSize - 2, exhausted: false),
                ch("j")) { _, effects in
            let last = KeyCase.jobs(JobListView.pageSize).last!
            #expect(effects == [.loadJobs(KeyCase.listScope, after: JobListCursor(sortAt: last.sortAt, id: last.id))])
        },
        KeyCase("G in a list of many pages reads its last page from the other end, not the next page",
                KeyCase.list(KeyCase.jobs(JobListView.pageSize), exhausted: false), ch("G")) { state, effects in
            #expect(effects == [.loadJobsBefore(KeyCase.listScope, before: nil)])
            var list = state
            let last = KeyCase.jobs(JobListView.pageSize + 50).suffix(JobListView.pageSize)
            list.receive(jobs: Array(last), scope: KeyCase.listScope, before: nil)
            #expect(list.topList.flatMap { list.selectedJob(in: $0) }?.id == last.last?.id)
            #expect(list.topList?.atStart == false && list.topList?.exhausted == true)
        },
        KeyCase("End in a list of many pages reads its last page", KeyCase.list(KeyCase.jobs(JobListView.pageSize),
                exhausted: false), [.end]) { _, effects in
            #expect(effects == [.loadJobsBefore(KeyCase.listScope, before: nil)])
        },
        KeyCase("G in a list whose last page is loaded moves to its last row", KeyCase.list(), ch("G")) { state, effects in
            #expect(effects.isEmpty && state.topList?.selection.index == 2)
        },
        KeyCase("k on the first row of a list read from the end loads the page before it",
                KeyCase.fromEnd(KeyCase.jobs(JobListView.pageSize), row: 1), ch("k")) { state, effects in
            let first = KeyCase.jobs(JobListView.pageSize)[0]
            #expect(effects == [.loadJobsBefore(KeyCase.listScope, before: JobListCursor(sortAt: first.sortAt, id: first.id))])
            #expect(state.topList?.selection.index == 0)
        },
        KeyCase("g in a list read from the end reads its first page again", KeyCase.fromEnd(KeyCase.jobs(), row: 2),
                ch("g")) { state, effects in
            #expect(effects == [.loadJobs(KeyCase.listScope, after: nil)] && state.topList?.selection.index == 0)
        },
        KeyCase("Home in a list read from the end reads its first page again", KeyCase.fromEnd(KeyCase.jobs(), row: 2),
                [.home]) { _, effects in
            #expect(effects == [.loadJobs(KeyCase.listScope, after: nil)])
        },
        KeyCase("h and ← go to the previous state tab (wrapping), l and → to the next",
                KeyCase.list(marks: [Fixtures.id(10)]), [.character("h"), .left, .character("l"), .right, .right]) { state, effects in
            #expect(effects.compactMap { effect -> JobState? in
                        if case .loadJobs(let scope, nil) = effect { scope.state } else { nil } }
                        == [.succeeded, .discarded, .succeeded, .queued, .scheduled])
            #expect(state.topList?.scope.state == .scheduled && state.topList?.marks == [] && state.topList?.jobs == nil)
        },
    ]

    // MARK: Filter

    static let filtering: [KeyCase] = [
        KeyCase("/ starts the filter and later keys type into it", ch("/qR") + [.enter]) { state, effects in
            #expect(state.filter.text == "qR" && !state.isEditingFilter && state.overlays.isEmpty && effects.isEmpty)
        },
        KeyCase("Esc in a pane clears the filter", ch("/class:Sync") + [.enter, .escape]) { state, _ in
            #expect(state.filter.isEmpty)
        },
        KeyCase("/ in a job list puts ! terms into the database query", KeyCase.list(), ch("/!label:routine x") + [.enter]) {
            state, effects in
            var scope = KeyCase.listScope
            scope.search = ["x"]
            scope.excluded = [FilterTerm(field: .label, text: "routine")]
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)] && state.filter.isEmpty)
        },
        KeyCase("/ in the batches view filters it alone; Esc closes it with its filter",
                KeyCase.with(.batches(BatchListView())), ch("/nightly") + [.enter]) { state, _ in
            #expect(state.visibleBatches(Fixtures.snapshot).map(\.id) == [Fixtures.id(0x20)] && state.filter.isEmpty)
            let (closed, _) = MonitorUI.update(state, key: .escape, snapshot: Fixtures.snapshot)
            #expect(closed.overlays.isEmpty && closed.filter.isEmpty)
        },
    ]

    // MARK: Enter

    static let opening: [KeyCase] = [
        KeyCase("Enter on a queue opens its jobs at the first state that has any", KeyCase.pane(.queues, row: 1),
                [.enter]) { state, effects in
            let scope = JobListScope(state: .running, queue: "mailers")
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
            #expect(state.topList?.title == "queue mailers")
        },
        KeyCase("Enter on a discarded failure group opens its jobs of the last 24 h",
                KeyCase.pane(.failures, row: discardedGroupRow), [.enter]) { state, effects in
            #expect(effects == [.loadJobs(discardedScope, after: nil), .countJobs(discardedScope)])
            #expect(state.topList?.title == "Net::ReadTimeout · SyncInventoryJob")
        },
        KeyCase("Enter on a concurrency key opens its jobs at the first state that has any", KeyCase.pane(.limits),
                [.enter]) { state, effects in
            let scope = JobListScope(state: .retried, concurrencyKey: "import-42")
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
            #expect(state.topList?.title == "concurrency key import-42" && state.status == nil)
        },
        KeyCase("Enter on a local slot's job opens its detail", [.enter]) { state, effects in
            #expect(effects == [.loadDetail(Fixtures.id(1))] && state.topDetail?.id == Fixtures.id(1))
        },
        KeyCase("Enter on a process says there is nothing to open", KeyCase.pane(.processes), [.enter]) { state, effects in
            #expect(effects.isEmpty && state.overlays.isEmpty && state.status?.text == "no jobs to open here")
        },
        KeyCase("Enter on a job of a list opens its detail over the list", KeyCase.list(row: 2), [.enter]) { state, effects in
            #expect(effects == [.loadDetail(Fixtures.id(12))] && state.overlays.count == 2)
        },
        KeyCase("b opens the batches view", KeyCase.pane(.queues), ch("b")) { state, effects in
            #expect(state.topOverlay == .batches(BatchListView()) && effects.isEmpty)
        },
        KeyCase("Enter on a batch lists its jobs and callback jobs, discarded ones first when it has any",
                KeyCase.with(.batches(BatchListView())), [.enter]) { state, effects in
            let scope = JobListScope(state: .discarded, batchID: Fixtures.id(0x20))
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
            #expect(state.topList?.title == "batch nightly import" && state.overlays.count == 2)
        },
        KeyCase("j then Enter on a finished batch lists its succeeded jobs", KeyCase.with(.batches(BatchListView())),
                ch("j") + [.enter]) { _, effects in
            let scope = JobListScope(state: .succeeded, batchID: Fixtures.id(0x21))
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
        },
        KeyCase("Esc closes the batches view", KeyCase.with(.batches(BatchListView())), [.escape]) { state, _ in
            #expect(state.overlays.isEmpty)
        },
    ]

    // MARK: Esc and q in overlays

    static let closing: [KeyCase] = [
        KeyCase("Esc closes the detail back to its list", KeyCase.list(row: 2), [.enter, .escape]) { state, _ in
            #expect(state.overlays.count == 1 && state.topList != nil)
        },
        KeyCase("q in an overlay closes it instead of quitting", KeyCase.with(.help(scroll: 3)), ch("q")) { state, effects in
            #expect(state.overlays.isEmpty && effects.isEmpty)
        },
        KeyCase("Esc first drops a list's marks, then closes it", KeyCase.list(marks: [Fixtures.id(10)]),
                [.escape]) { state, _ in
            #expect(state.topList?.marks == [])
        },
    ]

    // MARK: R K E D

    static let actions: [KeyCase] = [
        KeyCase("R on a discarded group asks, naming the count", KeyCase.pane(.failures, row: discardedGroupRow),
                ch("R")) { state, effects in
            #expect(effects.isEmpty)
            #expect(state.topConfirmation == GafferUI.Confirmation(
                prompt: "Retry 4 discarded jobs of Net::ReadTimeout · SyncInventoryJob?",
                effect: .perform(.retry, .scope(discardedScope))))
        },
        KeyCase("K on a retrying group asks to discard it, the error shown escaped",
                KeyCase.pane(.failures, row: retryingGroupRow), ch("K")) { state, _ in
            #expect(state.topConfirmation == GafferUI.Confirmation(
                prompt: #"Discard 1 retrying job of \e[2J\e]0;pwned\a · EvilJob?"#,
                effect: .perform(.discard, .scope(retryingScope))))
        },
        KeyCase("E on a retrying group asks to run it now", KeyCase.pane(.failures, row: retryingGroupRow),
                ch("E")) { state, _ in
            #expect(state.topConfirmation?.prompt == #"Run 1 retrying job of \e[2J\e]0;pwned\a · EvilJob now?"#)
            #expect(state.topConfirmation?.effect == .perform(.reschedule, .scope(retryingScope)))
        },
        KeyCase("D on a discarded group asks to destroy it", KeyCase.pane(.failures, row: discardedGroupRow),
                ch("D")) { state, _ in
            #expect(state.topConfirmation?.prompt == "Destroy 4 discarded jobs of Net::ReadTimeout · SyncInventoryJob?")
            #expect(state.topConfirmation?.effect == .perform(.destroy, .scope(discardedScope)))
        },
        KeyCase("R in the detail asks about that one job", KeyCase.detail(), ch("R")) { state, _ in
            #expect(state.topConfirmation == GafferUI.Confirmation(prompt: "Retry job 00000004 (SyncInventoryJob)?",
                                                                   effect: .perform(.retry, .ids([Fixtures.id(4)]))))
        },
        KeyCase("K in a list asks about the selected job", KeyCase.list(row: 1), ch("K")) { state, _ in
            #expect(state.topConfirmation == GafferUI.Confirmation(prompt: "Discard job 0000000b?",
                                                                   effect: .perform(.discard, .ids([Fixtures.id(11)]))))
        },
        KeyCase("D on a retrying group says which states it takes", KeyCase.pane(.failures, row: retryingGroupRow),
                ch("D")) { state, effects in
            #expect(effects.isEmpty && state.overlays.isEmpty)
            #expect(state.status?.text == "destroy takes succeeded/discarded jobs, not retried")
        },
        KeyCase("E on a queue says to open it first", KeyCase.pane(.queues), ch("E")) { state, _ in
            #expect(state.overlays.isEmpty && state.status?.text == "open the queue (Enter) to act on its jobs")
        },
    ]

    // MARK: The y/N question

    static let confirming: [KeyCase] = [
        KeyCase("y runs the asked action once, clears marks and says it is working",
                KeyCase.with(.confirm(KeyCase.asking), over: KeyCase.list(marks: [Fixtures.id(10)])), ch("y")) { state, effects in
            #expect(effects == [KeyCase.asking.effect])
            #expect(state.topList?.marks == [] && state.status?.text == "working…")
        },
        KeyCase("n cancels", KeyCase.with(.confirm(KeyCase.asking)), ch("n")) { state, effects in
            #expect(state.overlays.isEmpty && effects.isEmpty && state.status?.text == "cancelled")
        },
        KeyCase("Esc cancels", KeyCase.with(.confirm(KeyCase.asking)), [.escape]) { state, effects in
            #expect(state.overlays.isEmpty && effects.isEmpty && state.status?.text == "cancelled")
        },
        KeyCase("other keys leave the question open and do nothing", KeyCase.with(.confirm(KeyCase.asking)),
                ch("YRq") + [.enter, .tab]) { state, effects in
            #expect(effects.isEmpty && state.topConfirmation == KeyCase.asking)
            #expect(state.status?.text == "Tab does nothing here; ? lists the keys")
        },
    ]

    // MARK: p and P

    static var pausedDefault: MonitorSnapshot {
        var snapshot = Fixtures.snapshot
        snapshot.settings = SettingsRecord(pausedQueues: ["default"])
        snapshot.local?.isPaused = true
        return snapshot
    }

    static let pausing: [KeyCase] = [
        KeyCase("p on a queue pauses it for the fleet", KeyCase.pane(.queues), ch("p")) { _, effects in
            #expect(effects == [.setPaused(.queue, "default", paused: true)])
        },
        KeyCase("p on a paused queue resumes it", KeyCase.pane(.queues), snapshot: pausedDefault, ch("p")) { _, effects in
            #expect(effects == [.setPaused(.queue, "default", paused: false)])
        },
        KeyCase("p on a running job pauses its class", ch("p")) { _, effects in
            #expect(effects == [.setPaused(.jobClass, "ImportOrdersJob", paused: true)])
        },
        KeyCase("p in the detail toggles the job's class (paused in the fixture)", KeyCase.detail(), ch("p")) { _, effects in
            #expect(effects == [.setPaused(.jobClass, "SyncInventoryJob", paused: false)])
        },
        KeyCase("p on a process says what p pauses", KeyCase.pane(.processes), ch("p")) { state, effects in
            #expect(effects.isEmpty && state.status?.text == "p pauses a queue (Queues) or a job class (a job or failure row)")
        },
        KeyCase("P pauses the local worker", ch("P")) { _, effects in #expect(effects == [.setLocalPaused(true)]) },
        KeyCase("P on a paused local worker resumes it", snapshot: pausedDefault, ch("P")) { _, effects in
            #expect(effects == [.setLocalPaused(false)])
        },
    ]

    // MARK: Marks

    static let marking: [KeyCase] = [
        KeyCase("Space marks and moves down; x marks too", KeyCase.list(), [.character(" "), .character("x")]) { state, _ in
            #expect(state.topList?.marks == [Fixtures.id(10), Fixtures.id(11)])
            #expect(state.topList?.selection.index == 2)
        },
        KeyCase("Space on a marked job unmarks it", KeyCase.list(marks: [Fixtures.id(10)]), ch(" ")) { state, _ in
            #expect(state.topList?.marks == [])
        },
        KeyCase("A marks every job shown; again unmarks them", KeyCase.list(), ch("A")) { state, _ in
            #expect(state.topList?.marks.count == 3 && state.status?.text == "3 marked")
        },
        KeyCase("A twice leaves nothing marked", KeyCase.list(), ch("AA")) { state, _ in
            #expect(state.topList?.marks == [] && state.status?.text == "0 marked")
        },
        KeyCase("K with marks asks about the marked jobs", KeyCase.list(marks: [Fixtures.id(12), Fixtures.id(10)]),
                ch("K")) { state, _ in
            #expect(state.topConfirmation?.prompt == "Discard 2 marked jobs?")
            #expect(state.topConfirmation?.effect == .perform(.discard, .ids([Fixtures.id(10), Fixtures.id(12)])))
        },
    ]

    // MARK: The rest

    static let others: [KeyCase] = [
        KeyCase("? opens the help", ch("?")) { state, _ in #expect(state.topOverlay == .help(scroll: 0)) },
        KeyCase("F1 opens the help over the detail", KeyCase.detail(), [.function(1)]) { state, _ in
            #expect(state.topOverlay == .help(scroll: 0) && state.overlays.count == 2)
        },
        KeyCase("w cuts long lines in the detail; again wraps them", KeyCase.detail(), ch("w")) { state, _ in
            #expect(state.topDetail?.wrap == false)
        },
        KeyCase("t shows the full backtrace in the detail; again only the application's frames", KeyCase.detail(), ch("t")) { state, _ in
            #expect(state.topDetail?.fullTrace == true)
        },
        KeyCase("Z freezes; Z again goes live", ch("Z")) { state, _ in
            #expect(state.frozen && state.status?.text == "frozen: data keeps coming, Z shows it")
        },
        KeyCase("y copies the selected job's id", ch("y")) { state, effects in
            #expect(effects == [.copy(Fixtures.id(1).uuidString.lowercased())])
            #expect(state.status?.text == "copied \(Fixtures.id(1).uuidString.lowercased()) to the clipboard")
        },
        KeyCase("y in the detail copies its id", KeyCase.detail(), ch("y")) { _, effects in
            #expect(effects == [.copy(Fixtures.id(4).uuidString.lowercased())])
        },
        KeyCase("y on a queue says no job is selected", KeyCase.pane(.queues), ch("y")) { state, effects in
            #expect(effects.isEmpty && state.status?.text == "no job selected")
        },
        KeyCase("+ and - change the refresh interval", ch("+-")) { _, effects in
            #expect(effects == [.changeInterval(slower: true), .changeInterval(slower: false)])
        },
        KeyCase("^R refreshes now, ^L redraws", [.ctrl("r"), .ctrl("L")]) { _, effects in
            #expect(effects == [.refreshNow, .redraw])
        },
        KeyCase("# switches the queue counts between exact and estimated", ch("#")) { _, effects in
            #expect(effects == [.toggleExactCounts])
        },
        KeyCase("q without a local worker exits", UIState(), ch("q")) { _, effects in #expect(effects == [.quit(.exit)]) },
        KeyCase("q with a local worker asks how to leave", ch("q")) { state, effects in
            #expect(state.topOverlay == .quit && effects.isEmpty)
        },
        KeyCase("d in the quit choice detaches", KeyCase.with(.quit), ch("d")) { _, effects in
            #expect(effects == [.quit(.detach)])
        },
        KeyCase("w in the quit choice drains", KeyCase.with(.quit), ch("w")) { _, effects in
            #expect(effects == [.quit(.drain)])
        },
        KeyCase("s in the quit choice stops now", KeyCase.with(.quit), ch("s")) { _, effects in
            #expect(effects == [.quit(.stopNow)])
        },
        KeyCase("n in the quit choice stays", KeyCase.with(.quit), ch("n")) { state, effects in
            #expect(state.overlays.isEmpty && effects.isEmpty)
        },
        KeyCase("Esc in the quit choice stays", KeyCase.with(.quit), [.escape]) { state, effects in
            #expect(state.overlays.isEmpty && effects.isEmpty)
        },
        KeyCase("a resize changes nothing", [.resize]) { state, effects in
            #expect(state == KeyCase.pane(.threads) && effects.isEmpty)
        },
        KeyCase("an unbound key says so", ch("h")) { state, effects in
            #expect(effects.isEmpty && state.status?.text == "h does nothing here; ? lists the keys")
        },
    ]

    // MARK: # * X and the bulk progress (issue 16)

    /// The queued list of queue default filtered to `class:import`, 3,000 matches counted, every match selected.
    static var everyMatch: UIState {
        var state = KeyCase.list()
        guard case .jobs(var list) = state.topOverlay else { return state }
        list.filter = Filter("class:import")
        list.scope = list.filter.narrowing(list.baseScope)
        list.total = 3000
        list.allMatching = true
        state.overlays = [.jobs(list)]
        return state
    }

    static var everyMatchScope: JobListScope { Filter("class:import").narrowing(KeyCase.listScope) }

    static let bulkQuestion = GafferUI.Confirmation(prompt: "Discard all 3,000 matching queued jobs?",
                                                    detail: ["list: queue default · filter: class:import",
                                                             "in chunks of 500; jobs a worker holds are skipped and counted; Esc stops"],
                                                    effect: .perform(.discard, .every(everyMatchScope)))

    static let operatorCases: [KeyCase] = [
        KeyCase("f then an id prefix and Enter looks the job up", ch("f") + ch("6D6A-cc") + [.enter]) { state, effects in
            #expect(effects == [.findJob(JobIDPrefix("6d6acc")!)] && state.findText == nil)
            #expect(state.status?.text == "finding job 6d6acc…")
        },
        KeyCase("f in the detail opens the prompt; Backspace and ^U edit it", KeyCase.detail(),
                ch("f") + ch("abc") + [.backspace]) { state, effects in
            #expect(state.findText == "ab" && effects.isEmpty)
        },
        KeyCase("f with text that is not hex says so and looks nothing up", ch("f") + ch("zz';--") + [.enter]) { state, effects in
            #expect(effects.isEmpty && state.findText == nil && state.status?.isError == true)
            #expect(state.status?.text == "\"zz';--\" is not a job id: type hex digits, like 0d8f4b7e")
        },
        KeyCase("Esc leaves the find prompt", ch("f") + ch("ab") + [.ctrl("u"), .escape]) { state, effects in
            #expect(state.findText == nil && effects.isEmpty && state.status?.text == "cancelled")
        },
        KeyCase("* selects every match of the list; the header says so", KeyCase.list(), ch("*")) { state, _ in
            #expect(state.topList?.allMatching == true)
            #expect(state.status?.text == "all matching jobs selected in the whole table: the next action takes them all")
        },
        KeyCase("* on a list filtered with a ! term selects every match: the scope carries the ! term", {
            var state = KeyCase.list()
            if case .jobs(var list) = state.topOverlay {
                list.filter = Filter("!mail")
                list.scope = list.filter.narrowing(list.scope)
                state.overlays = [.jobs(list)]
            }
            return state
        }(), ch("*")) { state, _ in
            #expect(state.topList?.allMatching == true && state.topList?.scope.excluded.isEmpty == false)
        },
        KeyCase("K after * asks naming the exact count and the filter", everyMatch, ch("K")) { state, effects in
            #expect(effects.isEmpty && state.topConfirmation == bulkQuestion)
        },
        KeyCase("Esc after * unselects the matches and keeps the list", everyMatch, [.escape]) { state, _ in
            #expect(state.topList?.allMatching == false && state.overlays.count == 1)
        },
        KeyCase("y on the bulk question starts it with its progress shown", KeyCase.with(.confirm(bulkQuestion), over: everyMatch),
                ch("y")) { state, effects in
            #expect(effects == [bulkQuestion.effect])
            #expect(state.topOverlay == .progress(BulkProgress(title: "Discarding", line: "listing the matching jobs…")))
            guard case .jobs(let list) = state.overlays.first else { Issue.record("the list closed"); return }
            #expect(!list.allMatching)
        },
        KeyCase("Esc while a bulk action runs stops it after its chunk", KeyCase.with(.progress(BulkProgress(title: "Discarding",
                line: "discarded: 500 of 3,000 done · 0 skipped"))), [.escape, .escape]) { state, effects in
            #expect(effects == [.cancelBulk])
            guard case .progress(let progress) = state.topOverlay else { Issue.record("progress closed"); return }
            #expect(progress.stopping)
        },
        KeyCase("X on a running job asks, saying what happens to the running attempt", ch("X")) { state, effects in
            #expect(effects.isEmpty)
            #expect(state.topConfirmation?.prompt == "Force-discard running job 00000001?")
            #expect(state.topConfirmation?.detail.first == "It is marked discarded now, so no worker claims it again.")
            #expect(state.topConfirmation?.effect == .perform(.forceDiscard, .ids([Fixtures.id(1)])))
        },
        KeyCase("X on a discarded job says force-discard takes running jobs", KeyCase.detail(), ch("X")) { state, effects in
            #expect(effects.isEmpty && state.topConfirmation == nil)
            #expect(state.status?.text == "force-discard takes running jobs, not discarded")
        },
    ]

    @Test(arguments: cases)
    func keyCase(_ keyCase: KeyCase) {
        let (state, effects, _) = keyCase.run()
        keyCase.check(state, effects)
    }

    @Test func everyBindingIsExercised() {
        let pressed = Self.cases.reduce(into: Set<KeyCase.Press>()) { $0.formUnion($1.run().2) }
        for (index, binding) in Keymap.table.bindings.enumerated() {
            for key in binding.keys where !pressed.contains(KeyCase.Press(binding: index, key: key.normalized.displayName)) {
                Issue.record("no key case presses \(key.displayName) for \"\(binding.help)\"")
            }
        }
    }

    /// Action keys in read-only mode: the same message everywhere, no effect, no question.
    @Test(arguments: ch("RKEDpPX"), KeyCase.Place.allCases)
    func readOnlyRefuses(key: Key, place: KeyCase.Place) {
        let start = place.state(readOnly: true)
        let (state, effects) = MonitorUI.update(start, key: key, snapshot: Fixtures.snapshot)
        #expect(effects.isEmpty && state.overlays == start.overlays)
        #expect(state.status?.text == "read-only mode: actions are off")
        let hint = Keymap.table.footerHints(in: start.keyContext(Fixtures.snapshot), width: 200)
            .first { $0.key == key.displayName }
        #expect(hint?.isEnabled != true)
    }
}
