import Foundation
import Postgres

/// Releases jobs this live process claimed but runs nowhere: a claim that committed while its
/// session was lost, before the answer reached the pool.
///
/// Such a row keeps `locked_by_id` = this process, which no claim takes (claims want it NULL) and no
/// reaper clears (the process is alive), so without this it would wait for the next restart. A row
/// is released only if it is not among `held` (the jobs the process's pools run or are still ending),
/// nobody holds its advisory lock, and it was claimed before `claimedBefore`: a pool that has just
/// received a claim's answer has started those jobs long before that. The row keeps `performed_at`,
/// so the next claim marks the lost attempt interrupted (contract §3.6) and runs the job again.
public enum LostClaimSQL {
    static func statement(hasLockType: Bool) -> String {
        let lockType = hasLockType ? ", lock_type = NULL" : ""
        return """
            WITH lost AS MATERIALIZED (
              SELECT g.id FROM good_jobs g
              WHERE g.locked_by_id = $1 AND g.finished_at IS NULL AND g.locked_at < $2
                AND NOT (g.id = ANY($3::uuid[]))
                AND NOT \(AdvisoryLockSQL.held(AdvisoryLockSQL.rowKey(table: "good_jobs", id: "g.id")))
              FOR NO KEY UPDATE OF g SKIP LOCKED
            )
            UPDATE good_jobs g SET locked_by_id = NULL, locked_at = NULL\(lockType), updated_at = $4
            FROM lost l WHERE g.id = l.id
            RETURNING g.id
            """
    }

    static let withLockType = statement(hasLockType: true)
    static let withoutLockType = statement(hasLockType: false)

    /// Releases `processID`'s lost claims older than `claimedBefore`, except `held`; returns their ids.
    public static func release(_ db: PostgresConnection, processID: UUID, held: [UUID], claimedBefore: Date,
                               now: Date, hasLockType: Bool = true) async throws -> [UUID] {
        let rows = try await db.query(hasLockType ? withLockType : withoutLockType,
                                      [processID, claimedBefore, PostgresTextArray(encoding: held), now])
        return try rows.map { try $0.decode("id", as: UUID.self) }
    }
}
