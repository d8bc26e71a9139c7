import Foundation
import GafferMonitorModel
import Postgres

extension MonitorQueries {
    /// The newest batches with their jobs' and callback jobs' counts (GoodJob's Batches page).
    ///
    /// Counts come from the `batch_id` / `batch_callback_id` indexes, per batch shown.
    public static func batches(_ db: PostgresConnection, limit: Int = MonitorLimits.batches) async throws
        -> [BatchSummary]
    {
        let rows = try await db.query("""
            SELECT b.id, b.description, b.created_at, b.enqueued_at, b.discarded_at, b.finished_at,
                   (to_jsonb(b)->>'jobs_finished_at')::timestamp AS jobs_finished_at,
                   b.on_finish, b.on_success, b.on_discard, b.callback_queue_name, b.callback_priority,
                   j.total AS jobs, j.finished AS jobs_finished, j.discarded AS jobs_discarded,
                   c.total AS callbacks, c.finished AS callbacks_finished
            FROM (SELECT * FROM good_job_batches ORDER BY created_at DESC, id DESC LIMIT $1) b
              CROSS JOIN LATERAL (SELECT count(*) AS total, count(finished_at) AS finished,
                                         count(*) FILTER (WHERE finished_at IS NOT NULL AND error IS NOT NULL) AS discarded
                                  FROM good_jobs WHERE batch_id = b.id) j
              CROSS JOIN LATERAL (SELECT count(*) AS total, count(finished_at) AS finished
                                  FROM good_jobs WHERE batch_callback_id = b.id) c
            ORDER BY b.created_at DESC, b.id DESC
            """, [limit])
        return try rows.map {
            BatchSummary(id: try $0.decode("id"), description: try $0.decode("description"),
                         createdAt: try $0.decode("created_at"), enqueuedAt: try $0.decode("enqueued_at"),
                         discardedAt: try $0.decode("discarded_at"), jobsFinishedAt: try $0.decode("jobs_finished_at"),
                         finishedAt: try $0.decode("finished_at"), onFinish: try $0.decode("on_finish"),
                         onSuccess: try $0.decode("on_success"), onDiscard: try $0.decode("on_discard"),
                         callbackQueueName: try $0.decode("callback_queue_name"),
                         callbackPriority: try $0.decode("callback_priority"), jobs: try $0.decode("jobs"),
                         jobsFinished: try $0.decode("jobs_finished"), jobsDiscarded: try $0.decode("jobs_discarded"),
                         callbacks: try $0.decode("callbacks"), callbacksFinished: try $0.decode("callbacks_finished"))
        }
    }
}
