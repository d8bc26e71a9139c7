import Foundation
import Postgres

/// The `good_job_processes` row of a worker: register, heartbeat, deregister, and the reaper.
public enum ProcessSQL {
    static let lockKey = AdvisoryLockSQL.rowKey(table: "good_job_processes", id: "$1")

    /// Inserts the row with `lock_type = 0` and takes the process advisory lock on `db`'s session,
    /// so other processes see this one as alive exactly as long as the session lives.
    public static func register(_ db: PostgresConnection, id: UUID, state: String, now: Date) async throws {
        try await db.query("SELECT pg_advisory_lock(" + lockKey + ")", [id])
        try await db.query("""
            INSERT INTO good_job_processes (id, created_at, updated_at, state, lock_type)
            VALUES ($1, $2, $2, $3::jsonb, 0)
            ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at, lock_type = 0
            """, [id, now, PostgresJSON(state)])
    }

    /// Rewrites `state` and the heartbeat; re-inserts the row if someone deleted it.
    public static func refresh(_ db: PostgresConnection, id: UUID, state: String, now: Date) async throws {
        let updated = try await db.query(
            "UPDATE good_job_processes SET state = $2::jsonb, updated_at = $3 WHERE id = $1",
            [id, PostgresJSON(state), now])
        if updated.affectedRows == 0 { try await register(db, id: id, state: state, now: now) }
    }

    /// Graceful shutdown: releases this process's jobs, deletes its row, drops its lock.
    public static func deregister(_ db: PostgresConnection, id: UUID) async throws {
        try await db.query("UPDATE good_jobs SET locked_by_id = NULL, locked_at = NULL WHERE locked_by_id = $1", [id])
        try await db.query("DELETE FROM good_job_processes WHERE id = $1", [id])
        try await db.query("SELECT pg_advisory_unlock(" + lockKey + ")", [id])
    }

    /// What one reaper run did.
    public struct Reaped: Sendable, Equatable {
        /// Inactive processes deleted, their jobs released (contract §5).
        public let processes: Int
        /// Unfinished jobs released whose holder has no process row and no advisory lock on them.
        public let orphanedJobs: Int

        public init(processes: Int, orphanedJobs: Int) {
            self.processes = processes
            self.orphanedJobs = orphanedJobs
        }
    }

    /// Deletes inactive processes and releases their jobs (contract §5), and releases orphaned jobs.
    ///
    /// Inactive: `lock_type = 0` whose advisory lock nobody holds (its session died), or a
    /// heartbeat-only process silent for 5 minutes.
    @discardableResult
    public static func reap(_ db: PostgresConnection, now: Date) async throws -> Reaped {
        let row = try await db.query(reapStatement, [now]).first
        return Reaped(processes: try row?.decode("processes", as: Int.self) ?? 0,
                      orphanedJobs: try row?.decode("orphans", as: Int.self) ?? 0)
    }

    static let reapStatement = """
        WITH keys AS (
          SELECT p.id, p.lock_type, p.updated_at,
        """ + AdvisoryLockSQL.rowKey(table: "good_job_processes", id: "p.id") + """
         AS k
          FROM good_job_processes p
        ), inactive AS (
          SELECT id FROM keys
          WHERE (lock_type = 0 AND NOT 
        """ + AdvisoryLockSQL.held("k") + """
        )
             OR (lock_type IS NULL AND updated_at < $1::timestamp - interval '5 minutes')
        ), released AS (
          UPDATE good_jobs SET locked_by_id = NULL, locked_at = NULL
          WHERE locked_by_id IN (SELECT id FROM inactive)
        ), orphans AS (
          UPDATE good_jobs g SET locked_by_id = NULL, locked_at = NULL
          WHERE g.locked_by_id IS NOT NULL AND g.finished_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM good_job_processes p WHERE p.id = g.locked_by_id)
            AND NOT 
        """ + AdvisoryLockSQL.held(AdvisoryLockSQL.rowKey(table: "good_jobs", id: "g.id")) + """

          RETURNING g.id
        ), deleted AS (
          DELETE FROM good_job_processes WHERE id IN (SELECT id FROM inactive) RETURNING id
        )
        SELECT (SELECT count(*) FROM deleted) AS processes, (SELECT count(*) FROM orphans) AS orphans
        """
}
