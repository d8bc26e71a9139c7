import Foundation
import Postgres

/// Takes back the claims (advisory lock, `locked_by_id`) of jobs still running here after the claiming session was lost.
public enum RelockSQL {
    // Only jobs whose attempt is still open (nobody marked it interrupted) and that nobody else
    // claimed: a reaper may have cleared `locked_by_id` meanwhile, and the new session holds no lock.
    static func statement(hasLockType: Bool) -> String {
        let lockType = hasLockType ? ", lock_type = 2" : ""
        return """
        WITH mine AS MATERIALIZED (
          SELECT d.id FROM unnest($2::uuid[], $3::uuid[]) AS d(id, execution_id)
          JOIN good_job_executions e ON e.id = d.execution_id AND e.finished_at IS NULL
          JOIN good_jobs g ON g.id = d.id AND g.finished_at IS NULL AND (g.locked_by_id IS NULL OR g.locked_by_id = $1)
        ), locked AS MATERIALIZED (
          SELECT id FROM mine WHERE pg_try_advisory_lock(
        """ + AdvisoryLockSQL.rowKey(table: "good_jobs", id: "id") + """
        )
        )
        UPDATE good_jobs g SET locked_by_id = $1, locked_at = coalesce(g.locked_at, $4)
        """ + lockType + """

        FROM locked l WHERE g.id = l.id AND g.finished_at IS NULL AND (g.locked_by_id IS NULL OR g.locked_by_id = $1)
        RETURNING g.id
        """
    }

    static let withLockType = statement(hasLockType: true)
    static let withoutLockType = statement(hasLockType: false)

    /// Re-claims `jobs` (job id, its open execution id) for `processID`; returns the ids taken back.
    public static func relock(_ db: PostgresConnection, jobs: [(id: UUID, executionID: UUID)], processID: UUID,
                              now: Date, hasLockType: Bool = true) async throws -> Set<UUID> {
        guard !jobs.isEmpty else { return [] }
        let rows = try await db.query(hasLockType ? withLockType : withoutLockType,
                                      [processID, PostgresTextArray(encoding: jobs.map(\.id)),
                                       PostgresTextArray(encoding: jobs.map(\.executionID)), now])
        return Set(try rows.map { try $0.decode("id", as: UUID.self) })
    }
}
