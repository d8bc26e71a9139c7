import Foundation
import Logging
import Synchronization

/// Hands failed attempts, crashes and worker errors to the app's error reporter off the slot threads,
/// one at a time, in order.
///
/// A slot only appends to a bounded buffer: a slow reporter delays later reports, never a job, and once
/// `capacity` reports wait the newest are dropped (counted and logged). A reporter that throws is logged
/// and the next report goes on; one that traps takes the process with it, as any code in it would.
final class ErrorReportQueue: Sendable {
    static let capacity = 1000

    private let continuation: AsyncStream<ErrorReport>.Continuation
    private let consumer: Task<Void, Never>
    private let logger: Logger
    private let dropped = Mutex(0)
    private let count = DeliveryCount()

    init(reporter: @escaping ErrorReporter, logger: Logger, capacity: Int = ErrorReportQueue.capacity) {
        let (stream, continuation) = AsyncStream<ErrorReport>.makeStream(bufferingPolicy: .bufferingOldest(capacity))
        self.continuation = continuation
        self.logger = logger
        let count = count
        consumer = Task.detached {
            for await report in stream {
                do { try await reporter(report) } catch {
                    logger.error("error reporter failed on \(Self.subject(report)): \(error)")
                }
                count.delivered()
            }
        }
    }

    /// Queues a report; returns at once.
    func submit(_ report: ErrorReport) {
        count.queued()
        switch continuation.yield(report) {
        case .enqueued:
            return
        case .terminated:
            count.delivered()
        case .dropped:
            count.delivered()
            EngineMetrics.errorReportDropped()
            let drops = dropped.withLock { $0 += 1; return $0 }
            // The first drop of a backlog, then one line per hundred: a stuck reporter must not flood the log.
            guard drops == 1 || drops % 100 == 0 else { return }
            logger.warning("error reporter is behind (\(Self.capacity) reports waiting): dropped the report of \(Self.subject(report)) (\(drops) dropped so far)")
        @unknown default:
            count.delivered()
        }
    }

    /// Waits until the reports queued so far are delivered, or `grace` has passed (a stuck reporter).
    func delivered(within grace: Duration) async {
        await count.waitForDelivery(within: grace)
    }

    /// No more reports; waits up to `grace` for those queued to be delivered (a stuck reporter loses the rest).
    func finish(waitingUpTo grace: Duration) async {
        continuation.finish()
        await delivered(within: grace)
    }

    /// What a report is about, for the queue's own log lines: `Class id`, or the worker's part.
    static func subject(_ report: ErrorReport) -> String {
        if let id = report.jobID { return "\(report.jobClass ?? "job") \(id.uuidString.lowercased())" }
        return "\(report.kind.rawValue) error in \(report.component ?? "the worker")"
    }
}

/// Reports queued and delivered (or dropped), and who waits for the count queued at their call to be reached.
private final class DeliveryCount: Sendable {
    private struct State {
        var queued = 0
        var delivered = 0
        var waiters: [(count: Int, wake: AsyncStream<Void>.Continuation)] = []
    }

    private let state = Mutex(State())

    func queued() {
        state.withLock { $0.queued += 1 }
    }

    func delivered() {
        let ready = state.withLock { state in
            state.delivered += 1
            let ready = state.waiters.filter { $0.count <= state.delivered }
            state.waiters.removeAll { $0.count <= state.delivered }
            return ready
        }
        for waiter in ready { waiter.wake.yield() }
    }

    func waitForDelivery(within grace: Duration) async {
        let wake = AsyncStream<Void>.makeStream()
        let done = state.withLock { state in
            guard state.delivered < state.queued else { return true }
            state.waiters.append((state.queued, wake.continuation))
            return false
        }
        guard !done else { return }
        // A race the stuck side may lose without being waited for (a task group would wait for both).
        let timer = Task { try? await Task.sleep(for: grace); wake.continuation.yield() }
        for await _ in wake.stream { break }
        timer.cancel()
    }
}
