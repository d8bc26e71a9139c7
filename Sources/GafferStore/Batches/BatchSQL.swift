import Foundation
import GafferCore
import Postgres

/// Batch rows as GoodJob v4.19.2 writes them: creation, enqueue, and the bookkeeping step after
/// each attempt (`BatchBookkeeping`), each under the transaction-scoped advisory lock
/// `good_job_batches-<id>` (contract §1.6, §2.9).
///
/// The state is read by a statement after the one that took the lock, so it sees every change
/// committed by whoever held the lock before (READ COMMITTED takes a snapshot per statement).
/// Schemas older than GoodJob 4.3 have no `jobs_finished_at`; there, as in GoodJob, `finished_at`
/// stands for it and nothing else is written.
public enum BatchSQL {
    /// Builds the row of a callback job (its class defaults, serialization and ids).
    public typealias CallbackRow = @Sendable (BatchCallbackSettings) -> NewJobRow

    static let lock = "SELECT pg_advisory_xact_lock(" + AdvisoryLockSQL.rowKey(table: "good_job_batches", id: "$1::uuid") + ")"

    static let state = """
        SELECT b.enqueued_at, b.discarded_at, b.finished_at, b.on_discard, b.on_success, b.on_finish,
               b.callback_queue_name, b.callback_priority,
               to_jsonb(b) ? 'jobs_finished_at' AS has_jobs_finished_at,
               (to_jsonb(b)->>'jobs_finished_at')::timestamp AS jobs_finished_at,
               EXISTS (SELECT 1 FROM good_jobs j WHERE j.batch_id = b.id AND j.finished_at IS NULL) AS unfinished_jobs,
               EXISTS (SELECT 1 FROM good_jobs j WHERE j.batch_callback_id = b.id AND j.finished_at IS NULL)
                 AS unfinished_callbacks,
               EXISTS (SELECT 1 FROM good_jobs j WHERE j.batch_id = b.id AND j.finished_at >= b.enqueued_at
                         AND j.error IS NOT NULL) AS discarded_since_enqueue
        FROM good_job_batches b WHERE b.id = $1
        """

    static let update = """
        UPDATE good_job_batches SET
          discarded_at = CASE WHEN $2 THEN $5::timestamp ELSE discarded_at END,
          jobs_finished_at = CASE WHEN $3 THEN $5::timestamp ELSE jobs_finished_at END,
          finished_at = CASE WHEN $4 THEN $5::timestamp ELSE finished_at END,
          updated_at = $5
        WHERE id = $1
        """

    /// Without `jobs_finished_at`: the jobs' finish is written to `finished_at`.
    static let legacyUpdate = """
        UPDATE good_job_batches SET
          discarded_at = CASE WHEN $2 THEN $5::timestamp ELSE discarded_at END,
          finished_at = CASE WHEN $3 THEN $5::timestamp ELSE finished_at END,
          updated_at = $5
        WHERE id = $1 AND $4::boolean IS NOT NULL
        """

    static let insert = """
        INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish,
                                      on_success, on_discard, callback_queue_name, callback_priority)
        VALUES ($1, $2, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
        """

    static let reset = """
        UPDATE good_job_batches SET discarded_at = NULL, finished_at = NULL, updated_at = $2
        WHERE id = $1
        """

    static let resetJobsFinished = "UPDATE good_job_batches SET jobs_finished_at = NULL WHERE id = $1 AND to_jsonb(good_job_batches) ? 'jobs_finished_at'"

    static let markEnqueued = "UPDATE good_job_batches SET enqueued_at = $2, updated_at = $2 WHERE id = $1"

    /// One bookkeeping step in its own transaction: after an attempt of a member job (`jobDiscarded`:
    /// that attempt finished it with an error) or of a callback job (`jobDiscarded` false).
    /// A batch id without a row does nothing, as GoodJob's `batch.present?`.
    @discardableResult
    public static func continueDiscardOrFinish(_ db: PostgresConnection, batchID: UUID, jobDiscarded: Bool, now: Date,
                                               callbackRow: @escaping CallbackRow) async throws -> BatchUpdate {
        try await db.transaction { db in
            try db.query(lock, [batchID])
            return try step(in: db, batchID: batchID, jobDiscarded: jobDiscarded, now: now, callbackRow: callbackRow)
        }
    }

    /// Inserts a batch row (not yet enqueued).
    public static func create(_ db: PostgresConnection, _ row: NewBatchRow, now: Date) async throws {
        try await db.query(insert, [row.id, now, row.description, row.serializedProperties, row.onFinish, row.onSuccess,
                                    row.onDiscard, row.callbackQueueName, row.callbackPriority])
    }

    /// `GoodJob::Batch#enqueue` after the jobs were added: `enqueued_at`, then the bookkeeping step,
    /// which fires `on_success`/`on_finish` at once when every job already finished (or there are none).
    /// `reset` clears `discarded_at`, `finished_at` and `jobs_finished_at` first, as GoodJob does
    /// when the batch row existed before this enqueue.
    @discardableResult
    public static func enqueue(_ db: PostgresConnection, batchID: UUID, reset: Bool, now: Date,
                               callbackRow: @escaping CallbackRow) async throws -> BatchUpdate {
        if reset {
            try await db.transaction { db in
                try db.query(lock, [batchID])
                try db.query(Self.reset, [batchID, now])
                try db.query(resetJobsFinished, [batchID])
            }
        }
        return try await db.transaction { db in
            try db.query(lock, [batchID])
            try db.query(markEnqueued, [batchID, now])
            return try step(in: db, batchID: batchID, jobDiscarded: false, now: now, callbackRow: callbackRow)
        }
    }

    /// The step inside a transaction that already holds the batch's lock.
    static func step(in db: isolated PostgresConnection, batchID: UUID, jobDiscarded: Bool, now: Date,
                     callbackRow: CallbackRow) throws -> BatchUpdate {
        guard let row = try db.query(state, [batchID]).first else { return BatchUpdate() }
        let current = try state(row)
        let update = BatchBookkeeping.step(current.state, jobDiscarded: jobDiscarded)
        if update.changesRow {
            try db.query(current.hasJobsFinishedAt ? Self.update : legacyUpdate,
                         [batchID, update.setsDiscardedAt, update.setsJobsFinishedAt, update.setsFinishedAt, now])
        }
        if !update.callbacks.isEmpty {
            let rows = update.callbacks.map {
                callbackRow(BatchCallbackSettings(batchID: batchID, callback: $0, queueName: current.queueName,
                                                  priority: current.priority))
            }
            try EnqueueSQL.enqueue(in: db, rows, now: now)
        }
        return update
    }

    private static func state(_ row: PostgresRow) throws
        -> (state: BatchState, hasJobsFinishedAt: Bool, queueName: String?, priority: Int?)
    {
        let hasJobsFinishedAt = try row.decode("has_jobs_finished_at", as: Bool.self)
        let finishedAt = try row.decode("finished_at", as: Date?.self)
        let jobsFinishedAt = hasJobsFinishedAt ? try row.decode("jobs_finished_at", as: Date?.self) : finishedAt
        let state = BatchState(
            enqueuedAt: try row.decode("enqueued_at"), discardedAt: try row.decode("discarded_at"),
            jobsFinishedAt: jobsFinishedAt,
            // Legacy schemas never write finished_at apart from the jobs' finish.
            finishedAt: hasJobsFinishedAt ? finishedAt : (finishedAt ?? .distantPast),
            onDiscard: try row.decode("on_discard"), onSuccess: try row.decode("on_success"),
            onFinish: try row.decode("on_finish"),
            hasUnfinishedJobs: try row.decode("unfinished_jobs"),
            hasUnfinishedCallbacks: try row.decode("unfinished_callbacks"),
            hasJobsDiscardedSinceEnqueue: try row.decode("discarded_since_enqueue"))
        return (state, hasJobsFinishedAt, try row.decode("callback_queue_name"), try row.decode("callback_priority"))
    }
}
