import Foundation
import Postgres

/// A large `good_jobs` table in one INSERT … SELECT generate_series, for the monitor's benchmarks.
///
/// Per 100 rows: 74 succeeded, 2 discarded, 1 retried (due within 10 minutes), 2 scheduled (within a
/// day), 2 queued of classes no Gaffer worker registers (priority 10, so a claim never scans past them),
/// and 19 queued of `claimableClass`; with `unfinishedPercent` above 24, that many more of the succeeded
/// ones are queued of `claimableClass` instead. Rows are one second apart back from `now`, over 20 queues
/// and seven Rails-like job classes; no execution rows (the panes read `good_jobs` only).
public enum LoadSeed {
    /// Rows per INSERT: one statement per chunk keeps each transaction (and its WAL) bounded.
    static let chunk = 1_000_000
    /// From this many rows on, `good_jobs`' secondary indexes are dropped before the inserts and built
    /// afterwards (minutes instead of hours at 10 M rows); smaller seeds keep the indexes in place.
    static let rebuildIndexesFrom = 2_000_000

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
        FROM (SELECT gen_random_uuid() AS id, i, CASE WHEN i % 100 < $4 THEN 81 ELSE i % 100 END AS b, $1::timestamp - i * interval '1 second' AS t,
                     'queue_' || (i / 100) % 20 AS queue,
                     CASE WHEN i % 100 >= 81 OR i % 100 < $4 THEN $3
                          ELSE (ARRAY['WelcomeMailerJob', 'ReportJob', 'SyncAccountJob', 'ImportSheetJob',
                                      'CleanupJob', 'WebhookJob', 'ReindexJob'])[1 + (i / 100) % 7] END AS cls,
                     (ARRAY['Net::ReadTimeout', 'ActiveRecord::RecordNotFound', 'RuntimeError'])[1 + (i / 100) % 3] AS err
              FROM generate_series($5 + 1, $5 + $2) i) s
        """

    /// Inserts `rows` jobs back from `now` (`unfinishedPercent` of them unfinished, at least 24), then runs
    /// VACUUM ANALYZE on the table.
    public static func fill(_ db: PostgresConnection, rows: Int, now: Date, claimableClass: String,
                            unfinishedPercent: Int = 24) async throws {
        let extra = min(max(unfinishedPercent - 24, 0), 74)
        var rebuild: [String] = []
        if rows >= rebuildIndexesFrom {
            let indexes = try await db.query("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = 'good_jobs'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """)
            for index in indexes {
                rebuild.append(try index.decode("indexdef"))
                try await db.execute("DROP INDEX " + (try index.decode("indexname", as: String.self)))
            }
        }
        for offset in stride(from: 0, to: rows, by: chunk) {
            try await db.query(insert, [now, min(chunk, rows - offset), claimableClass, extra, offset])
        }
        for definition in rebuild { try await db.execute(definition) }
        try await db.execute("VACUUM ANALYZE good_jobs")
    }
}
