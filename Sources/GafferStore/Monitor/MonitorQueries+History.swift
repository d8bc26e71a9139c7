import Foundation
import GafferMonitorModel
import Postgres

extension MonitorQueries {
    /// Finished rows per queue and bucket from `$1` (the span's aligned start) to `$2` (now), `$3`
    /// seconds a bucket.
    ///
    /// Cost: one range scan of GoodJob's `index_good_jobs_jobs_on_finished_at_only` (finished_at)
    /// WHERE finished_at IS NOT NULL, plus a heap visit per row in range for `queue_name` and `error`:
    /// grows with the jobs finished in the span, not with the table (see bench/RESULTS.md).
    public static let historySQL = """
        SELECT coalesce(queue_name, '') AS queue_name,
               floor(extract(epoch FROM finished_at) / $3::int)::bigint AS bucket,
               count(*) FILTER (WHERE error IS NULL) AS succeeded,
               count(*) FILTER (WHERE error IS NOT NULL) AS failed
        FROM good_jobs
        WHERE finished_at IS NOT NULL AND finished_at >= $1::timestamp AND finished_at <= $2::timestamp
        GROUP BY 1, 2
        """

    /// The parameters of `historySQL` for `span` at `now`.
    public static func historyValues(_ span: JobHistory.Span, now: Date) -> [any PostgresEncodable] {
        [JobHistory.start(span, now: now), now, span.bucketSeconds]
    }

    /// Jobs finished and failed per bucket of `span` up to `now` (the application's time).
    public static func history(_ db: PostgresConnection, span: JobHistory.Span, now: Date) async throws -> JobHistory {
        let rows = try await db.query(historySQL, historyValues(span, now: now))
        let counts = try rows.map {
            JobHistory.Count(queue: try $0.decode("queue_name"), bucket: try $0.decode("bucket"),
                             succeeded: try $0.decode("succeeded"), failed: try $0.decode("failed"))
        }
        return JobHistory(span: span, now: now, counts: counts)
    }
}
