import Foundation
import GafferMonitorModel
import Postgres

extension MonitorQueries {
    /// The ids of the jobs whose id starts with `prefix`, in id order, at most `limit`.
    ///
    /// A range scan of the primary key between the prefix's lowest and highest ids, so it costs an index
    /// probe on any table size; matching `id::text` with LIKE would read every row.
    public static func jobIDs(_ db: PostgresConnection, prefix: JobIDPrefix, limit: Int) async throws -> [UUID] {
        try await db.query("""
            SELECT id FROM good_jobs WHERE id BETWEEN $1::uuid AND $2::uuid ORDER BY id LIMIT $3
            """, [prefix.low, prefix.high, limit]).map { try $0.decode("id") }
    }
}
