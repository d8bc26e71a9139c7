import Foundation
import GafferEngine
import GafferMonitor
import Synchronization

/// The co-hosted worker as the screen reads it: a copy of the engine's exact state, refreshed
/// every 100 ms off the UI thread, so `snapshot()` never waits on the worker actor.
final class WorkerLocalSource: LocalWorkerSource {
    private let worker: Worker
    private let latest: Mutex<LocalWorkerSnapshot>
    private let refresher: Mutex<Task<Void, Never>?> = Mutex(nil)

    private init(worker: Worker, first: LocalWorkerSnapshot) {
        self.worker = worker
        self.latest = Mutex(first)
    }

    /// Reads the worker once, then keeps the copy fresh until `stop()`.
    static func start(_ worker: Worker) async -> WorkerLocalSource {
        let source = WorkerLocalSource(worker: worker, first: Self.convert(await worker.snapshot()))
        let task = Task { [weak source] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                guard let source else { return }
                let fresh = Self.convert(await worker.snapshot())
                source.latest.withLock { $0 = fresh }
            }
        }
        source.refresher.withLock { $0 = task }
        return source
    }

    func stop() {
        refresher.withLock { $0?.cancel() }
    }

    func snapshot() -> LocalWorkerSnapshot {
        latest.withLock { $0 }
    }

    func setPaused(_ paused: Bool) {
        Task { [worker] in await worker.setPaused(paused) }
        latest.withLock { $0.isPaused = paused }
    }

    static func convert(_ snapshot: WorkerSnapshot) -> LocalWorkerSnapshot {
        LocalWorkerSnapshot(
            processID: snapshot.processID, pid: Int(getpid()),
            pools: snapshot.pools.map { .init(index: $0.index, queues: $0.queues, threads: $0.maxThreads) },
            slots: snapshot.pools.flatMap { pool in
                pool.slots.map { slot in
                    LocalWorkerSnapshot.Slot(index: slot.index, pool: slot.pool, job: slot.job.map {
                        .init(id: $0.jobID, jobClass: $0.jobClass, queue: $0.queueName, attempt: $0.attempt,
                              startedAt: $0.startedAt)
                    })
                }
            },
            isPaused: snapshot.paused,
            succeeded: snapshot.pools.reduce(0) { $0 + $1.succeeded },
            failed: snapshot.pools.reduce(0) { $0 + $1.errored })
    }
}
