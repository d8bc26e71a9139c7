import Foundation
import GafferMonitor
import GafferMonitorModel
import Synchronization

/// A local worker whose state the test sets by hand.
final class FakeLocalWorker: LocalWorkerSource {
    let state: Mutex<LocalWorkerSnapshot>
    /// How many times the screen asked it to claim now.
    let wakes = Mutex(0)

    init(_ snapshot: LocalWorkerSnapshot = LocalWorkerSnapshot(
        processID: UUID(), pid: 99, pools: [.init(index: 0, queues: "*", threads: 2)],
        slots: [.init(index: 0, pool: 0, job: nil), .init(index: 1, pool: 0, job: nil)],
        isPaused: false, succeeded: 0, failed: 0))
    {
        state = Mutex(snapshot)
    }

    func snapshot() -> LocalWorkerSnapshot { state.withLock { $0 } }
    func setPaused(_ paused: Bool) { state.withLock { $0.isPaused = paused } }
    func wake() { wakes.withLock { $0 += 1 } }
}
