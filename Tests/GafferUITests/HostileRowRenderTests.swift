import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Hostile rows on screen: NULL names as `(none)`, cut fields say what they left out, no control reaches a cell.
@Suite struct HostileRowRenderTests {
    static let evil = "EvilError: \u{1b}[2J\u{1b}]0;pwned\u{07}"

    /// The detail as the store reads a hostile row: every huge field cut to its limit, with its full size.
    static var detail: JobDetail {
        var detail = Fixtures.detail
        detail.jobClass = ""
        detail.queue = ""
        detail.error = String((evil + String(repeating: "e", count: JobDetail.errorLimit)).prefix(JobDetail.errorLimit))
        detail.errorLength = 1_000_000
        detail.labels = (1...JobDetail.labelLimit).map { "label-\($0)" }
        detail.labelCount = 1000
        detail.payloadProblem = "serialized_params is an array, not an object: [1, 2]"
        detail.arguments = "[\"" + String(repeating: "x", count: JobDetail.argumentLimit - 2)
        detail.argumentsLength = 10_000_004
        detail.executions[0].error = detail.error
        detail.executions[0].errorLength = 1_000_000
        return detail
    }

    static func state(_ detail: JobDetail) -> UIState {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.detail(DetailView(id: detail.id, detail: detail))]
        return state
    }

    @Test func theDetailNamesWhatItCutAndWhatIsBroken() {
        let detail = Self.detail
        guard case .detail(let view) = Self.state(detail).overlays[0] else { Issue.record("no detail view"); return }
        let lines = MonitorUI.detailLines(view, Fixtures.snapshot).map(\.text)
        #expect(lines.contains("queue (none) · priority 0 · attempts 2"))
        #expect(lines.contains { $0.hasPrefix(#"error: EvilError: \e[2J\e]0;pwned\aeee"#) })
        let missing = 1_000_000 - JobDetail.errorLimit
        #expect(lines.filter { $0 == "… \(missing) more characters not loaded" }.count == 2)
        #expect(lines.contains { $0.hasPrefix("labels (1000): label-1, label-2, ") && $0.hasSuffix("label-100, … 900 more") })
        #expect(lines.contains("serialized_params is an array, not an object: [1, 2]"))
        #expect(lines.contains("… \(10_000_004 - JobDetail.argumentLimit) more characters not loaded"))

        let buffer = MonitorUI.render(Fixtures.snapshot, Self.state(detail), width: 120, height: 40)
        #expect(buffer.text().contains("· (none) "))
        #expect(!buffer.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
    }

    @Test func aListRowShowsNullNamesAndHowManyLabelsItLeftOut() {
        let job = JobSummary(id: Fixtures.id(4), jobClass: "", queue: "", priority: 0, state: .queued,
                             sortAt: Fixtures.now - 60, attempts: 0, labels: ["a", "b"], labelCount: 1000, error: nil)
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.jobs(JobListView(title: "queue (none)", scope: JobListScope(state: .queued, queue: ""),
                                            jobs: [job], exhausted: true))]
        let text = MonitorUI.render(Fixtures.snapshot, state, width: 120, height: 40).text()
        let row = text.split(separator: "\n").first { $0.contains(Format.shortID(job.id)) }.map(String.init) ?? ""
        #expect(row.contains("(none)") && row.contains("a,b,+998"), "\(row)")
    }

    @Test func pausingANullClassSaysItCannot() {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.detail(DetailView(id: Self.detail.id, detail: Self.detail))]
        let (next, effects) = MonitorUI.update(state, key: .character("p"), snapshot: Fixtures.snapshot)
        #expect(effects.isEmpty)
        #expect(next.status?.text == "a NULL class has no name to pause")
    }

    /// Render time of the hostile detail against the ordinary one: printed, never asserted.
    @Test func renderTimeOfTheHostileDetail() {
        func median(_ detail: JobDetail) -> Double {
            let state = Self.state(detail)
            let times = (0..<11).map { _ in
                let start = ContinuousClock.now
                _ = MonitorUI.render(Fixtures.snapshot, state, width: 120, height: 40)
                let took = start.duration(to: .now).components
                return Double(took.seconds) + Double(took.attoseconds) / 1e18
            }.sorted()
            return times[times.count / 2] * 1000
        }
        print(String(format: "hostile rows, detail render at 120x40 (median of 11): %.1f ms ordinary, %.1f ms hostile",
                     median(Fixtures.detail), median(Self.detail)))
    }
}
