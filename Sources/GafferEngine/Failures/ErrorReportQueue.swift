import Foundation
import Synchronization

/// Hands failed attempts to the app's error reporter off the slot threads, one at a time, in order.
///
/// A slot only appends to a bounded buffer: a slow reporter delays later reports, never a job, and once
/// `capacity` reports wait the newest are dropped (counted and logged). A reporter that throws is logged
/// and the next report goes on; one that traps takes the process with it, as any code in it would.
final class ErrorReportQueue: Sendable {
    static let capacity = 1000

    private let continuation: AsyncStream<JobErrorReport>.Continuation
    private let consumer: Task<Void, Never>
    private let logger: any JobLogger
    private let dropped = Mutex(0)

    init(reporter: @escaping JobErrorReporter, logger: any JobLogger, capacity: Int = ErrorReportQueue.capacity) {
        let (stream, continuation) = AsyncStream<JobErrorReport>.makeStream(bufferingPolicy: .bufferingOldest(capacity))
        self.continuation = continuation
        self.logger = logger
        consumer = Task.detached {
            for await report in stream {
                do { try await reporter(report) } catch {
                    logger.error("error reporter failed on \(report.jobClass) \(report.jobID.uuidString.lowercased()): \(error)")
                }
            }
        }
    }

    /// Queues a report; returns at once.
    func submit(_ report: JobErrorReport) {
        if case .dropped = continuation.yield(report) {
            EngineMetrics.errorReportDropped()
            let count = dropped.withLock { $0 += 1; return $0 }
            // The first drop of a backlog, then one line per hundred: a stuck reporter must not flood the log.
            guard count == 1 || count % 100 == 0 else { return }
            logger.warning("error reporter is behind (\(Self.capacity) reports waiting): dropped the report of \(report.jobClass) \(report.jobID.uuidString.lowercased()) (\(count) dropped so far)")
        }
    }

    /// No more reports; those queued are still delivered while the process runs.
    func finish() {
        continuation.finish()
    }
}
