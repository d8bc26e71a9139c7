import Foundation
import GafferCore
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

    /// Changes the pool's count within the bounds, adding idle slots or dropping the last ones.
    func changeThreads(pool: Int, by delta: Int) async -> Result<ThreadChange, ThreadChangeError> {
        state.withLock { s in
            guard let current = s.pools.first(where: { $0.index == pool }) else {
                return .failure(ThreadChangeError(.noSuchPool(pools: s.pools.count), pool: pool, requested: delta))
            }
            let count = current.threads + delta
            if let refused = ThreadChangeError.check(pool: pool, queues: current.queues, threads: current.threads,
                                                     requested: count) {
                return .failure(refused)
            }
            s.pools = s.pools.map { $0.index == pool ? .init(index: pool, queues: $0.queues, threads: count) : $0 }
            let others = s.slots.filter { $0.pool != pool }
            s.slots = others + (0..<count).map { .init(index: $0, pool: pool, job: nil) }
            return .success(ThreadChange(pool: pool, queues: current.queues, from: current.threads, to: count))
        }
    }
}
