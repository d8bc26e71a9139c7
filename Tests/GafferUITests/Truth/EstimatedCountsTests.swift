import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Queue counts estimated above the exact-count cap read `≈`, and the pane says they are estimates.
@Suite struct EstimatedCountsTests {
    static var snapshot: MonitorSnapshot {
        var s = Fixtures.snapshot
        s.queues = [QueueStats(name: "default", queued: 285_310, scheduled: 4_100, running: 7, retried: 0,
                               discarded: 12, oldestReadyAt: Fixtures.now - 600, isEstimate: true),
                    QueueStats(name: "mailers", queued: 1_204_000, scheduled: 0, running: 2, retried: 950,
                               isEstimate: true)]
        s.queueNames = s.queues.map(\.name)
        return s
    }

    @Test(arguments: ScreenText.sizes)
    func estimatesAreMarked(size: Size) {
        let queues = ScreenText.pane(.queues, Self.snapshot, size: size)
        SnapshotFile.check(queues, named: ScreenText.name("queues-estimated", size))
        let row = ScreenText.lines(queues, containing: "default").first ?? ""
        #expect(row.contains("≈285k") && row.contains("≈4100"), "\(row)")
        #expect(row.contains(" 7 ") && !row.contains("≈7"), "running stays exact: \(row)")
        #expect(size.width < 120 || queues.contains("≈ estimated"), "\(queues)")  // the trailer needs the room
    }

    @Test func exactCountsHaveNoMark() {
        var s = Self.snapshot
        s.queues = s.queues.map { var q = $0; q.isEstimate = false; return q }
        let queues = ScreenText.pane(.queues, s, size: Size(width: 120, height: 40))
        #expect(!queues.contains("≈"), "\(queues)")
        #expect(Format.count(285_310, estimate: true) == "≈285k")
        #expect(Format.count(1_204_000, estimate: true) == "≈1.2M")
        #expect(Format.count(0, estimate: true) == "≈0")
    }

    /// Retrying failures sampled above the cap read `≈` and the pane says so; exact groups keep their full count.
    @Test func sampledFailuresAreMarked() {
        var s = Fixtures.snapshot
        s.failures = [
            FailureGroup(kind: .retrying, errorClass: "Net::ReadTimeout", jobClass: "SyncJob", lastHour: 1_230,
                         lastDay: 28_431, latestAt: Fixtures.now - 30, latestJobID: UUID(), sampled: 95),
            FailureGroup(kind: .discarded, errorClass: "KeyError", jobClass: "MailJob", lastHour: 12, lastDay: 12_345,
                         latestAt: Fixtures.now - 60, latestJobID: UUID()),
        ]
        let failures = ScreenText.pane(.failures, s, size: Size(width: 160, height: 48))
        let sampled = ScreenText.lines(failures, containing: "Net::ReadTimeout").first ?? ""
        #expect(sampled.contains("≈1230") && sampled.contains("≈28k"), "\(sampled)")
        let exact = ScreenText.lines(failures, containing: "KeyError").first ?? ""
        #expect(exact.contains("12345") && !exact.contains("≈"), "\(exact)")
        #expect(failures.contains("≈1242 in 1h · ≈ sampled"), "\(failures)")
    }

    /// The header's totals carry the same marks as the panes they sum.
    @Test func theHeaderMarksEstimatedTotals() {
        var s = Self.snapshot
        s.failures = [FailureGroup(kind: .retrying, errorClass: "Net::ReadTimeout", jobClass: "SyncJob", lastHour: 1_230,
                                   lastDay: 28_431, latestAt: Fixtures.now - 30, latestJobID: UUID(), sampled: 95)]
        let header = MonitorUI.render(s, UIState(hasLocalWorker: true), width: 200, height: 60).text()
            .split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("≈1.5M ready") && header.contains("≈1230 failed/1h"), "\(header)")
        s.queues = s.queues.map { var q = $0; q.isEstimate = false; return q }
        s.failures = s.failures.map { var f = $0; f.sampled = nil; return f }
        let exact = MonitorUI.render(s, UIState(hasLocalWorker: true), width: 200, height: 60).text()
            .split(separator: "\n").first.map(String.init) ?? ""
        #expect(exact.contains(" 1.5M ready") && exact.contains(" 1230 failed/1h") && !exact.contains("≈"), "\(exact)")
    }
}
