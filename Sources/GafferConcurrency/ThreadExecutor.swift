import CSupport
import Foundation
import Synchronization

/// A serial executor backed by one dedicated OS thread.
///
/// Blocking C calls (libpq, poll) run on this thread, never on Swift's cooperative pool, which has only
/// as many threads as cores. An actor returns it as its `unownedExecutor` to pin all its work here.
public final class ThreadExecutor: SerialExecutor, TaskExecutor, Sendable {
    private let queue = Mutex<[UnownedJob]>([])
    private let available = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    /// Starts the thread; `name` shows in `top -H` and debuggers (15 characters at most).
    public init(name: String, stackSize: Int = 1 << 20) {
        let thread = Thread { [self] in
            gaffer_set_thread_name(name)
            self.runLoop()
        }
        thread.stackSize = stackSize
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        queue.withLock { $0.append(unowned) }
        available.signal()
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Ends the thread after the jobs already queued have run.
    public func shutdown() {
        stopped.store(true, ordering: .releasing)
        available.signal()
    }

    private func runLoop() {
        while true {
            available.wait()
            let job: UnownedJob? = queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            if let job {
                job.runSynchronously(isolatedTo: asUnownedSerialExecutor(),
                                     taskExecutor: asUnownedTaskExecutor())
            } else if stopped.load(ordering: .acquiring) {
                return
            }
        }
    }
}
