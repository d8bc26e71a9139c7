import Foundation
import Postgres

/// GoodJob's `cleanup_preserved_jobs` (contract §9): deletes finished jobs older than a cutoff with
/// their executions, oldest first, a batch at a time, then finished batches.
public enum CleanupSQL {
    /// How much one clean-up deleted.
    public struct Result: Sendable, Hashable {
        public var jobs = 0
        public var executions = 0
        public var batches = 0
    }

    /// Deletes jobs with `finished_at <= cutoff` (only those without an error unless
    /// `includeDiscarded`), `batchSize` at a time until none are left or `shouldStop` says so;
    /// then batches finished by the cutoff (only undiscarded ones unless `includeDiscarded`).
    public static func cleanupPreservedJobs(_ db: PostgresConnection, before cutoff: Date, includeDiscarded: Bool,
                                            batchSize: Int = 1000,
                                            shouldStop: @Sendable () -> Bool = { false }) async throws -> Result {
        var result = Result()
        while !shouldStop() {
            let row = try await db.query("""
                WITH doomed AS (
                  SELECT active_job_id FROM good_jobs
                  WHERE finished_at <= $1 AND ($2 OR error IS NULL)
                  ORDER BY finished_at LIMIT $3
                ), executions AS (
                  DELETE FROM good_job_executions WHERE active_job_id IN (SELECT active_job_id FROM doomed) RETURNING 1
                ), jobs AS (
                  DELETE FROM good_jobs WHERE active_job_id IN (SELECT active_job_id FROM doomed) RETURNING 1
                )
                SELECT (SELECT count(*) FROM jobs) AS jobs, (SELECT count(*) FROM executions) AS executions
                """, [cutoff, includeDiscarded, batchSize]).first
            let jobs: Int = try row?.decode("jobs") ?? 0
            result.jobs += jobs
            result.executions += try row?.decode("executions") ?? 0
            if jobs == 0 { break }
        }
        while !shouldStop() {
            let deleted = try await db.query("""
                DELETE FROM good_job_batches WHERE id IN (
                  SELECT id FROM good_job_batches WHERE finished_at <= $1 AND ($2 OR discarded_at IS NULL)
                  ORDER BY finished_at LIMIT $3)
                """, [cutoff, includeDiscarded, batchSize]).affectedRows
            result.batches += deleted
            if deleted == 0 { break }
        }
        return result
    }
}
