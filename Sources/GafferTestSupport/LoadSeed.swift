import Foundation
import Postgres

/// A large `good_jobs` table in one INSERT … SELECT generate_series, for the monitor's benchmarks.
///
/// Per 100 rows: 74 succeeded, 2 discarded, 1 retried (due within 10 minutes), 2 scheduled (within a
/// day), 2 queued of classes no Gaffer worker registers (priority 10, so a claim never scans past them),
/// and 19 queued of `claimableClass`. Rows are one second apart back from `now`, over 20 queues and
/// seven Rails-like job classes; no execution rows (the panes read `good_jobs` only).
public enum LoadSeed {
    static let insert = """
        INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, performed_at,
          finished_at, error, error_event, created_at, updated_at, job_class, executions_count, is_discrete)
        SELECT id, id, queue, CASE WHEN b IN (79, 80) THEN 10 ELSE 0 END,
               jsonb_build_object('job_class', cls, 'job_id', id::text, 'provider_job_id', NULL, 'queue_name', queue,
                 'priority', NULL, 'arguments', jsonb_build_array(i), 'executions', 0,
                 'exception_executions', '{}'::jsonb, 'locale', 'en', 'timezone', 'UTC',
                 'enqueued_at', to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'scheduled_at', NULL),
               CASE WHEN b = 76 THEN $1 + (i % 600) * interval '1 second'
                    WHEN b IN (77, 78) THEN $1 + (i % 86400) * interval '1 second' ELSE t END,
               CASE WHEN b < 76 THEN t END,
               CASE WHEN b < 76 THEN t + interval '1 second' END,
               CASE WHEN b IN (74, 75, 76) THEN err || ': failed ' || i END,
               CASE WHEN b IN (74, 75) THEN 1 WHEN b = 76 THEN 3 END,
               t, t, cls, CASE WHEN b < 76 THEN 1 WHEN b = 76 THEN 2 ELSE 0 END, true
        FROM (SELECT gen_random_uuid() AS id, i, i % 100 AS b, $1::timestamp - i * interval '1 second' AS t,
                     'queue_' || (i / 100) % 20 AS queue,
                     CASE WHEN i % 100 >= 81 THEN $3
                          ELSE (ARRAY['WelcomeMailerJob', 'ReportJob', 'SyncAccountJob', 'ImportSheetJob',
                                      'CleanupJob', 'WebhookJob', 'ReindexJob'])[1 + (i / 100) % 7] END AS cls,
                     (ARRAY['Net::ReadTimeout', 'ActiveRecord::RecordNotFound', 'RuntimeError'])[1 + (i / 100) % 3] AS err
              FROM generate_series(1, $2) i) s
        """

    /// Inserts `rows` jobs back from `now`, then runs VACUUM ANALYZE on the table.
    public static func fill(_ db: PostgresConnection, rows: Int, now: Date, claimableClass: String) async throws {
        try await db.query(insert, [now, rows, claimableClass])
        try await db.execute("VACUUM ANALYZE good_jobs")
    }
}
