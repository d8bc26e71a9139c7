import Foundation
import GafferMonitorModel
import GafferMonitor
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Issue 14 items 8 and 13 on the screen: `G` in a 10,001-job list shows its last job (read from
/// the other end, not one more page), and `Enter` on a concurrency key lists that key's jobs.
@Suite struct JobListEndsTests {
    static let scope = JobListScope(state: .queued, queue: "bulk")

    /// The last `count` jobs of 10,001 in queue bulk, oldest first; the last is `6d6acc51…`.
    static func lastPage(_ count: Int = JobListView.pageSize) -> [JobSummary] {
        (0..<count).map { n in
            JobSummary(id: n == count - 1 ? UUID(uuidString: "6d6acc51-0000-4000-8000-000000000001")! : Fixtures.id(0x1000 + n),
                       jobClass: "ImportJob", queue: "bulk", priority: 0, state: .queued,
                       sortAt: Fixtures.now - Double(count - n), attempts: 0, labels: [], error: nil)
        }
    }

    @Test(arguments: ScreenText.sizes)
    func gShowsTheLastJobOfTenThousand(size: Size) {
        var state = UIState(hasLocalWorker: true)
        let firstPage = (0..<JobListView.pageSize).map { n in
            JobSummary(id: Fixtures.id(0x100 + n), jobClass: "ImportJob", queue: "bulk", priority: 0, state: .queued,
                       sortAt: Fixtures.now - 20_000 + Double(n), attempts: 0, labels: [], error: nil)
        }
        state.overlays = [.jobs(JobListView(title: "queue bulk", scope: Self.scope, jobs: firstPage))]
        state.receive(count: 10_001, scope: Self.scope)
        let (pressed, effects) = MonitorUI.update(state, key: .character("G"), snapshot: Fixtures.snapshot)
        #expect(effects == [.loadJobsBefore(Self.scope, before: nil)])
        var shown = pressed
        shown.receive(jobs: Self.lastPage(), scope: Self.scope, before: nil)
        // A first page a refresh asked for before `G`, arriving after the last: the list stays at its end.
        shown.receive(jobs: firstPage, scope: Self.scope, after: nil)
        let text = ScreenText.screen(Fixtures.snapshot, shown, size: size)
        #expect(text.contains("last 100 of 10,001"), "\(text)")
        #expect(ScreenText.lines(text, containing: "6d6acc51").count == 1, "\(text)")
        SnapshotFile.check(text, named: ScreenText.name("list-last-page", size))
        // A refresh re-reads the last page, not the first.
        #expect(shown.effectsAfterRefresh() == [.loadJobsBefore(Self.scope, before: nil)])
    }

    @Test(arguments: ScreenText.sizes)
    func enterOnAConcurrencyKeyListsItsJobs(size: Size) {
        var state = UIState(hasLocalWorker: true)
        state.focus = .limits
        let (opened, effects) = MonitorUI.update(state, key: .enter, snapshot: Fixtures.snapshot)
        guard case .loadJobs(let scope, nil)? = effects.first else { Issue.record("no load: \(effects)"); return }
        var shown = opened
        let waiting = JobSummary(id: Fixtures.id(0x42), jobClass: "ImportOrdersJob", queue: "default", priority: 0,
                                 state: .retried, sortAt: Fixtures.now + 18, attempts: 2, labels: [],
                                 error: "GoodJob::ActiveJobExtensions::Concurrency::ConcurrencyExceededError")
        shown.receive(jobs: [waiting], scope: scope, after: nil)
        shown.receive(count: 3, scope: scope)
        let text = ScreenText.screen(Fixtures.snapshot, shown, size: size)
        #expect(text.contains("concurrency key import-42") && text.contains("1 of 3"), "\(text)")
        SnapshotFile.check(text, named: ScreenText.name("concurrency-key-jobs", size))
    }
}
