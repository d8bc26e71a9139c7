import Foundation
import GafferMonitorModel
import Postgres

extension MonitorQueries {
    /// How far `standby` is behind `primary`: one statement on each, neither reads a table.
    ///
    /// The primary's WAL position is read first, so a standby that replays past it between the two reads
    /// counts as caught up rather than ahead.
    public static func replicaLag(standby: PostgresConnection, primary: PostgresConnection) async throws -> ReplicaLag {
        let position = try await primary.query("SELECT pg_current_wal_lsn()::text AS lsn")[0].decode("lsn", as: String.self)
        let row = try await standby.query("""
            SELECT standby, bytes, CASE WHEN bytes > 0 THEN age ELSE 0 END AS seconds FROM (
              SELECT pg_is_in_recovery() AS standby,
                     coalesce(pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()), 0)::bigint AS bytes,
                     greatest(coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0), 0)::float8 AS age
            ) lag
            """, [position])[0]
        return ReplicaLag(isStandby: try row.decode("standby"), seconds: try row.decode("seconds"),
                          bytes: try row.decode("bytes"))
    }
}
