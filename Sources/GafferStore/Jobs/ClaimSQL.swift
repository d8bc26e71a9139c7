import Foundation
import GafferCore
import Postgres

/// Which queues a claim may take from: one pool's parsed queue selection.
public struct QueueFilter: Sendable {
    public enum Kind: String, Sendable { case all, include, exclude, ordered }
    public let kind: Kind
    public let queues: [String]

    public init(kind: Kind, queues: [String]) {
        self.kind = kind
        self.queues = queues
    }

    public static let all = QueueFilter(kind: .all, queues: [])
}

/// Claims ready jobs hybrid-style and starts their attempts, all in one statement.
///
/// Per row: `FOR NO KEY UPDATE SKIP LOCKED` on the candidate, a session advisory lock on
/// `good_jobs-<id>` taken on the calling connection (held until `CompleteSQL` releases it), then
/// the lock columns (`lock_type = 2`), `performed_at`, `executions_count`, a new execution row, and,
/// for a job whose earlier attempt never finished, the interrupted error on the job and on that
/// attempt's execution (contract §3.6 step 1). Only classes this worker registered are taken.
public enum ClaimSQL {
    /// Candidates are taken in `priority, scheduled_at, id` order (GoodJob's `dequeue_query_sort =
    /// :scheduled_at`), which `index_good_jobs_for_candidate_dequeue_unlocked` serves exactly: the scan
    /// stops after LIMIT rows instead of sorting every ready job. The pause check is a correlated
    /// NOT EXISTS on the one `pauses` row, so the planner keeps that index plan.
    /// Ready, unclaimed rows of `g` this pool may take: $2 now, $4 classes, $5/$6 queue filter, $7 pauses enabled.
    static let readyPredicate = """
        g.finished_at IS NULL AND g.scheduled_at <= $2 AND g.locked_by_id IS NULL
            AND g.job_class = ANY($4::text[])
            AND ($5 = 'all'
                 OR ($5 IN ('include', 'ordered') AND g.queue_name = ANY($6::text[]))
                 OR ($5 = 'exclude' AND (g.queue_name <> ALL($6::text[]) OR g.queue_name IS NULL)))
            AND (NOT $7::boolean OR NOT EXISTS (
                 SELECT 1 FROM good_job_settings s WHERE s.key = 'pauses'
                   AND (s.value->'queues' ? g.queue_name OR s.value->'job_classes' ? g.job_class
                        OR s.value->'labels' ?| coalesce(g.labels, '{}'))))
        """

    /// `extraPredicate` (`AND ...` on `g`, parameters from $9) narrows the candidates (`LimitedClaimSQL`).
    static func statement(hasLockType: Bool, ordered: Bool, extraPredicate: String = "") -> String {
        let interruptedEvent = ErrorEvent.interrupted.rawValue
        let lockType = hasLockType ? ", lock_type = 2" : ""
        let queueOrder = ordered ? " array_position($6::text[], g.queue_name), " : " "
        let claimedOrder = ordered ? " array_position($6::text[], c.queue_name), " : " "
        return """
        WITH candidates AS MATERIALIZED (
          SELECT g.id, g.performed_at FROM good_jobs g
          WHERE \(readyPredicate)
            \(extraPredicate)
          ORDER BY
        """ + queueOrder + """
        g.priority ASC NULLS LAST, g.scheduled_at ASC, g.id ASC
          LIMIT $8
          FOR NO KEY UPDATE OF g SKIP LOCKED
        ), locked AS MATERIALIZED (
          SELECT id, performed_at FROM candidates
          WHERE pg_try_advisory_lock(
        """ + AdvisoryLockSQL.rowKey(table: "good_jobs", id: "id") + """
        )
          LIMIT $3
        ), claimed AS (
          UPDATE good_jobs g SET locked_by_id = $1, locked_at = $2
        """ + lockType + """
          , performed_at = $2, updated_at = $2,
                 executions_count = least(coalesce(g.executions_count, 0)::bigint + 1, 2147483647),
                 error = CASE WHEN l.performed_at IS NULL THEN g.error
                              ELSE 'GoodJob::InterruptedError: Interrupted after starting perform at '''
                                   || to_char(l.performed_at, 'YYYY-MM-DD HH24:MI:SS') || ' UTC''' END,
                 error_event = CASE WHEN l.performed_at IS NULL THEN g.error_event ELSE \(interruptedEvent) END
          FROM locked l WHERE g.id = l.id
          RETURNING g.*, l.performed_at AS interrupted_at
        ), interrupted AS (
          UPDATE good_job_executions e
          SET finished_at = $2, updated_at = $2, error = c.error, error_event = \(interruptedEvent), duration = interval '0'
          FROM claimed c
          WHERE c.interrupted_at IS NOT NULL AND e.active_job_id = c.id AND e.finished_at IS NULL
        ), execution AS (
          INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name,
                                           serialized_params, scheduled_at, process_id)
          SELECT gen_random_uuid(), $2, $2, c.id, c.job_class, c.queue_name, c.serialized_params,
                 coalesce(c.scheduled_at, c.created_at), $1
          FROM claimed c
          RETURNING id, active_job_id
        )
        SELECT c.id, x.id AS execution_id, c.job_class, c.queue_name, c.priority, c.serialized_params,
               c.scheduled_at, c.created_at, c.labels, c.concurrency_key, c.cron_key, c.executions_count,
               c.interrupted_at, c.batch_id, c.batch_callback_id
        FROM claimed c JOIN execution x ON x.active_job_id = c.id
        ORDER BY
        """ + claimedOrder + """
        c.priority ASC NULLS LAST, c.scheduled_at ASC, c.id ASC
        """
    }

    /// Indexed by [hasLockType][ordered].
    static let variants = [[statement(hasLockType: false, ordered: false), statement(hasLockType: false, ordered: true)],
                           [statement(hasLockType: true, ordered: false), statement(hasLockType: true, ordered: true)]]

    /// Claims up to `limit` jobs for `processID`, holding their advisory locks on `db`'s session.
    public static func claim(_ db: PostgresConnection, processID: UUID, now: Date, limit: Int,
                             jobClasses: [String], queues: QueueFilter, pausesEnabled: Bool,
                             hasLockType: Bool = true) async throws -> [ClaimedJob] {
        guard limit > 0, !jobClasses.isEmpty else { return [] }
        let claim = statement(processID: processID, now: now, limit: limit, jobClasses: jobClasses, queues: queues,
                              pausesEnabled: pausesEnabled, hasLockType: hasLockType)
        return try decode(try await db.query(claim.sql, claim.parameters))
    }

    /// The claim as a statement, to run in a pipeline with other work (see `PostgresConnection.pipeline`).
    public static func statement(processID: UUID, now: Date, limit: Int, jobClasses: [String], queues: QueueFilter,
                                 pausesEnabled: Bool, hasLockType: Bool = true)
        -> (sql: String, parameters: [any PostgresEncodable])
    {
        (variants[hasLockType ? 1 : 0][queues.kind == .ordered ? 1 : 0],
         [processID, now, limit, jobClasses, queues.kind.rawValue, queues.queues, pausesEnabled, limit * 2 + 8])
    }

    public static func decode(_ rows: PostgresRows) throws -> [ClaimedJob] {
        try rows.map(ClaimedJob.init(row:))
    }

    /// Lets the transaction it opens commit without waiting for its WAL flush (`synchronous_commit` off
    /// for this transaction only), for a transaction that claims but ends no attempt.
    ///
    /// The commit is visible to every session at once, as a flushed one is; only a server crash in the
    /// next fraction of a second can lose it (`wal_writer_delay`), and then the job is as before the claim:
    /// ready, and run again as a fresh attempt instead of as an interrupted one. Any later flushed commit
    /// (the attempt's end, or a write of the body) makes the claim durable with it. It saves a flush
    /// (1–3 ms on this machine's disk) between a NOTIFY and the job's start.
    public static let asyncCommit: (sql: String, parameters: [any PostgresEncodable]) =
        ("SELECT set_config('synchronous_commit', 'off', true)", [])
}

extension ClaimSQL {
    /// How many future rows the look-ahead reads at most.
    static let lookAheadRows = 100

    /// The earliest future `scheduled_at` among unclaimed jobs of these classes, to wake up for.
    public static func nextScheduledAt(_ db: PostgresConnection, now: Date, jobClasses: [String]) async throws -> Date? {
        let next = nextScheduledStatement(now: now, jobClasses: jobClasses)
        return try await db.query(next.sql, next.parameters).first?.decode("next", as: Date?.self)
    }

    /// The same as a statement (column `next`), to run in the claim's pipeline.
    ///
    /// It reads at most `lookAheadRows` future rows in `scheduled_at` order (the scheduled_at index).
    /// When none of them is of these classes but there are more, it answers the last one's time: the
    /// pool wakes then and looks again. Filtering by class over every future row instead cost 120 ms
    /// per claim with 30,000 rows of other classes scheduled (a Rails app's), and ran every round trip.
    public static func nextScheduledStatement(now: Date, jobClasses: [String])
        -> (sql: String, parameters: [any PostgresEncodable])
    {
        ("""
         SELECT coalesce(min(scheduled_at) FILTER (WHERE job_class = ANY($2::text[])),
                         CASE WHEN count(*) = $3 THEN max(scheduled_at) END) AS next
         FROM (SELECT scheduled_at, job_class FROM good_jobs
               WHERE finished_at IS NULL AND locked_by_id IS NULL AND scheduled_at > $1
               ORDER BY scheduled_at LIMIT $3) AS future
         """, [now, jobClasses, lookAheadRows])
    }
}
