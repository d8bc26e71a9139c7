import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferUI
import TerminalKit
import Testing

/// Each binding's effect on the UI state, the confirmation flow and read-only refusals.
@Suite struct KeyDispatchTests {
    let snapshot = Fixtures.snapshot

    /// Presses `keys` in order; returns the final state and every effect asked for.
    func press(_ keys: [Key], _ start: UIState = UIState(hasLocalWorker: true)) -> (UIState, [Effect]) {
        var state = start
        var effects: [Effect] = []
        for key in keys {
            let (next, asked) = MonitorUI.update(state, key: key, snapshot: snapshot)
            state = next
            effects += asked
        }
        return (state, effects)
    }

    func chars(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func panesAreReachedByTabAndDigits() {
        #expect(press([.tab]).0.focus == .queues)
        #expect(press([.backTab]).0.focus == .processes)
        #expect(press(chars("4")).0.focus == .failures)
        #expect(press(chars("6") + [.tab]).0.focus == .threads)
    }

    @Test func selectionMovesAndFollowsItsRow() {
        let (state, _) = press(chars("jj"))
        #expect(state.selection(.threads) == RowSelection(index: 2, key: "slot-0-2"))
        #expect(press(chars("jjjjjjk")).0.selection(.threads).index == 2)
        #expect(press(chars("jG")).0.selection(.threads).index == 3)
        #expect(press(chars("Gg")).0.selection(.threads).index == 0)
    }

    @Test func theFilterTakesTypedTextAndQualifiers() {
        let (state, _) = press(chars("/queue:mail") + [.enter, .tab])
        #expect(state.filter.text == "queue:mail" && !state.isEditingFilter)
        let screen = MonitorUI.render(snapshot, state, width: 120, height: 40).text()
        #expect(screen.contains("mailers") && !screen.contains("default    12"))
        #expect(screen.contains("filter: queue:mail"))
        #expect(press(chars("/abc") + [.backspace, .escape]).0.filter.isEmpty)
        #expect(press(chars("/x") + [.enter, .escape]).0.filter.isEmpty)
        #expect(Filter("!class:Sync").matches(RowFields(jobClass: "MailJob")))
        #expect(!Filter("error:timeout").matches(RowFields(error: "KeyError")))
    }

    @Test func retryOnADiscardedGroupAsksThenActsOnTheGroup() {
        let (asking, none) = press(chars("4R"))
        #expect(none.isEmpty)
        guard case .confirm(let confirmation) = asking.topOverlay else { Issue.record("no confirmation"); return }
        #expect(confirmation.prompt == "Retry 4 discarded jobs of Net::ReadTimeout · SyncInventoryJob?")
        let (done, effects) = press(chars("y"), asking)
        #expect(done.overlays.isEmpty)
        let scope = JobListScope(state: .discarded, jobClass: "SyncInventoryJob", errorClass: "Net::ReadTimeout",
                                 since: Fixtures.now - 86_400)
        #expect(effects == [.perform(.retry, .scope(scope))])
        let (cancelled, nothing) = press([.character("n")], asking)
        #expect(cancelled.overlays.isEmpty && nothing.isEmpty && cancelled.status?.text == "cancelled")
    }

    @Test func unavailableActionsSayWhyAndDoNothing() {
        let (retrying, effects) = press(chars("4jR"))
        #expect(retrying.overlays.isEmpty && effects.isEmpty)
        #expect(retrying.status?.text == "retry takes discarded jobs, not retried")
        #expect(press(chars("R")).0.status?.text == "running jobs are left alone")
        #expect(press(chars("2K")).0.status?.text == "open the queue (Enter) to act on its jobs")
        #expect(press(chars("P"), UIState()).0.status?.text == "no local worker: gaffer top only watches")
    }

    @Test func readOnlyRefusesEveryAction() {
        let readOnly = UIState(readOnly: true, hasLocalWorker: true)
        for keys in [chars("4R"), chars("4D"), chars("2p"), chars("P")] {
            let (state, effects) = press(keys, readOnly)
            #expect(effects.isEmpty && state.overlays.isEmpty)
            #expect(state.status?.text == "read-only mode: actions are off")
        }
        // Looking around still works.
        #expect(press(chars("4") + [.enter], readOnly).1.count == 2)  // the list's first page and its count
    }

    @Test func aQueueOpensAJobListWhereMarkedJobsAreDiscarded() {
        var (state, effects) = press(chars("2") + [.enter])
        let scope = JobListScope(state: .queued, queue: "default")
        #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
        let jobs = (10..<13).map {
            JobSummary(id: Fixtures.id($0), jobClass: "ImportOrdersJob", queue: "default", priority: 0, state: .queued,
                       sortAt: Fixtures.now - 10, attempts: 0, labels: [], error: nil)
        }
        state.receive(jobs: jobs, scope: scope, after: nil)
        (state, effects) = press([.character(" "), .character(" "), .character("K")], state)
        guard case .confirm(let confirmation) = state.topOverlay else { Issue.record("no confirmation"); return }
        #expect(confirmation.prompt == "Discard 2 marked jobs?")
        (state, effects) = press(chars("y"), state)
        #expect(effects == [.perform(.discard, .ids([Fixtures.id(10), Fixtures.id(11)]))])
        guard case .jobs(let list) = state.topOverlay else { Issue.record("list closed"); return }
        #expect(list.marks.isEmpty)
        // Next state tab reloads; Esc closes the list.
        (state, effects) = press(chars("l"), state)
        let scheduled = JobListScope(state: .scheduled, queue: "default")
        #expect(effects == [.loadJobs(scheduled, after: nil), .countJobs(scheduled)])
        #expect(press([.escape], state).0.overlays.isEmpty)
    }

    @Test func enterOnARunningJobOpensItsDetail() {
        var (state, effects) = press([.enter])
        #expect(effects == [.loadDetail(Fixtures.id(1))])
        state.receive(detail: Fixtures.longDetail, for: Fixtures.id(1))
        guard case .detail(let view) = state.topOverlay else { Issue.record("no detail"); return }
        #expect(view.detail != nil)
        (state, _) = press(chars("jjw"), state)
        guard case .detail(let scrolled) = state.topOverlay else { return }
        #expect(scrolled.scroll == 2 && !scrolled.wrap)
        #expect(press([.escape], state).0.overlays.isEmpty)
    }

    @Test func pauseCopyFreezeAndRefreshKeys() {
        #expect(press(chars("2p")).1 == [.setPaused(.queue, "default", paused: true)])
        #expect(press(chars("2p")).0.status == StatusMessage("working…"))
        // SyncInventoryJob is paused in the fixture: p on its failure group unpauses the class.
        #expect(press(chars("4p")).1 == [.setPaused(.jobClass, "SyncInventoryJob", paused: false)])
        #expect(press(chars("P")).1 == [.setLocalPaused(true)])
        #expect(press(chars("y")).1 == [.copy(Fixtures.id(1).uuidString.lowercased())])
        #expect(press(chars("Z")).0.frozen && !press(chars("ZZ")).0.frozen)
        #expect(press(chars("+-")).1 == [.changeInterval(slower: true), .changeInterval(slower: false)])
        #expect(press([.ctrl("r"), .ctrl("l")]).1 == [.refreshNow, .redraw])
    }

    @Test func quitAsksOnlyWhenAWorkerRuns() {
        #expect(press(chars("q"), UIState()).1 == [.quit(.exit)])
        let (asking, none) = press(chars("q"))
        #expect(asking.topOverlay == .quit && none.isEmpty)
        #expect(press(chars("d"), asking).1 == [.quit(.detach)])
        #expect(press(chars("w"), asking).1 == [.quit(.drain)])
        #expect(press(chars("s"), asking).1 == [.quit(.stopNow)])
        #expect(press([.escape], asking).0.overlays.isEmpty)
    }

    @Test func helpAndFooterComeFromTheBindingTable() {
        let (help, _) = press(chars("?"))
        #expect(help.topOverlay == .help(scroll: 0))
        let screen = MonitorUI.render(snapshot, help, width: 120, height: 40).text()
        #expect(screen.contains("R              Retry discarded jobs (asks y/N) [running jobs are left alone]"))
        let footer = MonitorUI.render(snapshot, UIState(hasLocalWorker: true), width: 120, height: 40).text()
            .split(separator: "\n")[38]
        #expect(footer.hasPrefix("? help  q quit  Tab pane  / filter  Enter open  R retry"))
        let unbound = press(chars("%")).0
        #expect(unbound.status?.text == "% does nothing here; ? lists the keys")
    }

    @Test func anActionReportReloadsTheOpenList() {
        var state = UIState()
        let scope = JobListScope(state: .discarded)
        state.overlays = [.jobs(JobListView(title: "t", scope: scope, jobs: []))]
        let effects = state.receive(report: ActionReport(verb: "retried", done: 2))
        #expect(state.status == StatusMessage("retried 2 jobs"))
        #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope), .refreshNow])
        _ = state.receive(report: ActionReport(verb: "retried", refused: [.busy]))
        #expect(state.status == StatusMessage("nothing retried: locked by a running worker", isError: true))
    }
}
