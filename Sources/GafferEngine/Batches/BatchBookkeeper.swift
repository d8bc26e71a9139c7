import Foundation
import Logging
import GafferCore
import GafferStore
import Postgres

/// An attempt end that feeds batch bookkeeping: the job's batch and/or the batch it is a callback of.
struct BatchEnd: Sendable {
    let jobID: UUID
    let batchID: UUID?
    let callbackBatchID: UUID?
    /// The attempt finished the job with an error (GoodJob: `finished_at` and `error` present).
    let discarded: Bool

    /// Nil for jobs outside batches (no bookkeeping, no cost) and for interrupted attempts (nothing finished).
    init?(_ claimed: ClaimedJob, _ result: AttemptResult) {
        guard claimed.batchID != nil || claimed.batchCallbackID != nil else { return nil }
        if case .interrupted = result.outcome { return nil }
        jobID = claimed.id
        batchID = claimed.batchID
        callbackBatchID = claimed.batchCallbackID
        if case .finished = result.outcome { discarded = result.error != nil } else { discarded = false }
    }
}

/// Runs the batch bookkeeping of attempt ends whose finish has committed (GoodJob runs it after the
/// job's lock is released): the member's batch first, then the batch it is a callback of.
enum BatchBookkeeper {
    /// Returns the ends to try again (the session was lost); other failures are logged and dropped,
    /// as GoodJob logs an error raised by the bookkeeping.
    static func settle(_ ends: [BatchEnd], on db: PostgresConnection, registry: JobRegistry,
                       clock: @Sendable () -> Date, logger: Logger,
                       report: @Sendable (any Error, String) -> Void) async -> [BatchEnd] {
        var retry: [BatchEnd] = []
        for (index, end) in ends.enumerated() {
            do {
                if let batch = end.batchID {
                    try await step(db, batch, discarded: end.discarded, registry: registry, now: clock())
                }
                if let batch = end.callbackBatchID {
                    try await step(db, batch, discarded: false, registry: registry, now: clock())
                }
            } catch let error as PostgresError where error.isSessionLost {
                retry = Array(ends[index...])
                break
            } catch {
                logger.error("batch bookkeeping after job \(end.jobID.uuidString.lowercased()): \(error)")
                report(error, "batch bookkeeping")
            }
        }
        return retry
    }

    private static func step(_ db: PostgresConnection, _ batchID: UUID, discarded: Bool, registry: JobRegistry,
                             now: Date) async throws {
        try await BatchSQL.continueDiscardOrFinish(db, batchID: batchID, jobDiscarded: discarded, now: now) {
            GafferClient.callbackRow($0, types: registry, now: now)
        }
    }
}
