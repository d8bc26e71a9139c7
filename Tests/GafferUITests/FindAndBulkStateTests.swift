import Foundation
import GafferCore
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// What comes back from a find and a bulk action, applied to the UI state.
@Suite struct FindAndBulkStateTests {
    let prefix = JobIDPrefix("0000000")!

    @Test func oneMatchOpensItsDetail() {
        var state = KeyCase.pane(.queues)
        let effects = state.receive(found: [Fixtures.id(4)], for: prefix)
        #expect(effects == [.loadDetail(Fixtures.id(4))])
        #expect(state.topDetail?.id == Fixtures.id(4) && state.topDetail?.detail == nil)
    }

    @Test func noneOrSeveralSayWhy() {
        var state = KeyCase.pane(.queues)
        #expect(state.receive(found: [], for: prefix).isEmpty)
        #expect(state.status == StatusMessage("no job id starts with 0000000", isError: true))
        #expect(state.receive(found: (1...4).map(Fixtures.id), for: prefix).isEmpty && state.overlays.isEmpty)
        #expect(state.status?.text == "0000000 matches several jobs (00000001-000, 00000002-000, 00000003-000, …): type more")
    }

    @Test func progressUpdatesTheOverlayAndTheReportClosesIt() {
        var state = KeyCase.with(.progress(BulkProgress(title: "Discarding", line: "listing the matching jobs…")))
        var report = ActionReport(verb: "discarded", done: 498, refused: [.busy, .claimed], total: 3000)
        state.receive(progress: report)
        guard case .progress(let progress) = state.topOverlay else { Issue.record("no progress"); return }
        #expect(progress.line == "discarded: 500 of 3,000 done · 2 skipped")
        report.done = 2998
        _ = state.receive(report: report)
        #expect(state.overlays.isEmpty)
        #expect(state.status?.text == "discarded 2,998 of 3,000 jobs; 2 skipped (1 claimed by a worker, 1 locked by a running worker)")
    }
}
