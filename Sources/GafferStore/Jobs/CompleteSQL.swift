import Foundation
import GafferCore
import Postgres

/// Ends attempts: job and execution columns for many jobs in one statement, then their advisory
/// locks in a second transaction.
///
/// The unlock must never share the finish's transaction (contract §3.7): an advisory-strategy
/// GoodJob worker that gets the lock re-reads the row and runs the job again if `finished_at` is
/// not yet committed. Both run on the connection that claimed the jobs, since that session holds
/// their advisory locks; `transactions` pipelines them in one round trip.
/// A job row is only written while this process still holds it (`locked_by_id`), or while nobody does
/// and this attempt's execution is still open: a worker killed right after sending its attempt ends
/// has them committed by its backend while a reaper may already have released its jobs, and the
/// attempt did end. A job another worker re-claimed is never overwritten; its execution row is
/// closed unless that worker already closed it as interrupted, which stays the record. An interrupted attempt only releases
/// the row (locks cleared, execution left open) for the next claim to record as interrupted.
public enum CompleteSQL {
    static func statement(hasLockType: Bool) -> String {
        let lockType = hasLockType ? "lock_type = NULL, " : ""
        return """
        WITH d AS (
          SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::text[], $5::smallint[], $6::text[],
                               $7::float8[], $8::text[], $9::timestamp[], $12::boolean[])
            AS t(id, execution_id, retried, error, error_event, backtrace, duration, new_params, new_scheduled_at,
                 interrupted)
        ), jobs AS (
          UPDATE good_jobs g SET
            finished_at = CASE WHEN d.retried OR d.interrupted THEN NULL ELSE $10::timestamp END,
            performed_at = CASE WHEN d.retried THEN NULL ELSE g.performed_at END,
            error = CASE WHEN d.interrupted THEN g.error ELSE d.error END,
            error_event = CASE WHEN d.interrupted THEN g.error_event ELSE d.error_event END,
            serialized_params = coalesce(d.new_params::jsonb, g.serialized_params),
            scheduled_at = coalesce(d.new_scheduled_at, g.scheduled_at),
            created_at = CASE WHEN d.retried AND d.new_scheduled_at IS NOT NULL THEN $10::timestamp ELSE g.created_at END,
            locked_by_id = NULL, locked_at = NULL,
        """ + lockType + """
        updated_at = $10
          FROM d WHERE g.id = d.id AND (g.locked_by_id = $11 OR (g.locked_by_id IS NULL AND EXISTS (
            SELECT 1 FROM good_job_executions open WHERE open.id = d.execution_id AND open.finished_at IS NULL)))
          RETURNING g.id
        ), executions AS (
          UPDATE good_job_executions e SET finished_at = $10, updated_at = $10, error = d.error,
                 error_event = d.error_event, error_backtrace = d.backtrace::text[],
                 duration = make_interval(secs => d.duration)
          FROM d WHERE e.id = d.execution_id AND e.finished_at IS NULL AND NOT d.interrupted
        )
        SELECT id FROM jobs
        """
    }

    /// Releases the advisory locks of ended attempts whose job this process no longer holds: a job
    /// whose end did not commit still has `locked_by_id` = this process and keeps its lock.
    static let unlockSQL = """
        SELECT d.id, pg_advisory_unlock(
        """ + AdvisoryLockSQL.rowKey(table: "good_jobs", id: "d.id") + """
        ) AS unlocked
        FROM unnest($1::uuid[]) AS d(id)
        WHERE NOT EXISTS (SELECT 1 FROM good_jobs g WHERE g.id = d.id AND g.locked_by_id = $2)
        """

    static let withLockType = statement(hasLockType: true)
    static let withoutLockType = statement(hasLockType: false)

    public static func complete(_ db: PostgresConnection, _ results: [AttemptResult], processID: UUID, now: Date,
                                hasLockType: Bool = true) async throws {
        guard !results.isEmpty else { return }
        let outcomes = try await db.pipeline(transactions: transactions(results, processID: processID, now: now,
                                                                        hasLockType: hasLockType))
        for outcome in outcomes { _ = try outcome.get() }
    }

    /// The finish, then the unlock, as two transactions to pipeline (before more transactions, such as
    /// the next claim). Leaves the locks of jobs whose finish failed to commit held.
    public static func transactions(_ results: [AttemptResult], processID: UUID, now: Date, hasLockType: Bool = true)
        -> [[(sql: String, parameters: [any PostgresEncodable])]]
    {
        [[statement(results, processID: processID, now: now, hasLockType: hasLockType)],
         [unlockStatement(jobIDs: results.map { $0.jobID }, processID: processID)]]
    }

    /// The unlock of `jobIDs` as a statement, for a transaction after the one that ended their attempts.
    public static func unlockStatement(jobIDs: [UUID], processID: UUID)
        -> (sql: String, parameters: [any PostgresEncodable])
    {
        (unlockSQL, [PostgresTextArray(encoding: jobIDs), processID])
    }

    /// The attempt ends as a statement, without the unlock (`unlockStatement` follows after its commit).
    public static func statement(_ results: [AttemptResult], processID: UUID, now: Date, hasLockType: Bool = true)
        -> (sql: String, parameters: [any PostgresEncodable])
    {
        let params: [any PostgresEncodable] = [
            PostgresTextArray(encoding: results.map { $0.jobID }),
            PostgresTextArray(encoding: results.map { $0.executionID }),
            PostgresTextArray(results.map { if case .retry = $0.outcome { "t" } else { "f" } }),
            PostgresTextArray(results.map { $0.error }),
            PostgresTextArray(results.map { $0.errorEvent.map { String($0.rawValue) } }),
            PostgresTextArray(results.map { $0.error == nil ? nil : PostgresArray.format($0.backtrace) }),
            PostgresTextArray(encoding: results.map { $0.duration }),
            PostgresTextArray(results.map { if case .retry(let p, _) = $0.outcome { p } else { nil } }),
            PostgresTextArray(results.map { if case .retry(_, let at) = $0.outcome { at?.postgresText } else { nil } }),
            now, processID,
            PostgresTextArray(results.map { if case .interrupted = $0.outcome { "t" } else { "f" } }),
        ]
        return (hasLockType ? withLockType : withoutLockType, params)
    }

    /// Replaces ended attempts' `error_backtrace` (symbolicated after the end committed), by execution id.
    public static func backtraceStatement(_ backtraces: [UUID: [String]])
        -> (sql: String, parameters: [any PostgresEncodable])
    {
        let entries = Array(backtraces)
        return ("""
            UPDATE good_job_executions e SET error_backtrace = d.backtrace::text[]
            FROM unnest($1::uuid[], $2::text[]) AS d(id, backtrace) WHERE e.id = d.id
            """, [PostgresTextArray(encoding: entries.map { $0.key }),
                  PostgresTextArray(entries.map { PostgresArray.format($0.value) })])
    }
}
