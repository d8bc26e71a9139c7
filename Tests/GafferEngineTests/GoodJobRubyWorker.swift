import Foundation
import Postgres

/// A test claimant that does what a Ruby GoodJob v4.19.2 worker (advisory strategy) writes for one job
/// of a batch, step by step as GoodJob's source does it, on its own session: claim with
/// `pg_try_advisory_lock` and re-read, attempt start, the body, the finish, then
/// `BatchRecord#_continue_discard_or_finish` with its statements in Ruby's order, then the unlock.
///
/// Written apart from Gaffer's own batch code on purpose: a race between the two checks that they agree.
struct GoodJobRubyWorker {
    let db: PostgresConnection
    let processID = UUID()
    /// The GlobalID app name Rails would write.
    let app = "rubyapp"

    static func key(_ text: String) -> String { GoodJobClaimant.key(text) }
    /// Rails writes UTC into `timestamp` columns.
    static let now = "(now() AT TIME ZONE 'UTC')"

    /// Claims one ready job of `jobClass` (advisory strategy, contract §3.3); nil when none.
    func claim(jobClass: String) async throws -> (id: UUID, batchID: UUID?, callbackBatchID: UUID?)? {
        let rows = try await db.query("""
            WITH rows AS MATERIALIZED (
              SELECT id FROM good_jobs WHERE finished_at IS NULL AND scheduled_at <= \(Self.now) AND job_class = $1
              ORDER BY priority ASC NULLS LAST, created_at ASC LIMIT 1000)
            SELECT g.id, g.batch_id, g.batch_callback_id FROM good_jobs g
            WHERE g.id IN (SELECT id FROM rows WHERE pg_try_advisory_lock(\(Self.key("'good_jobs-' || id::text"))))
            ORDER BY g.priority ASC NULLS LAST, g.created_at ASC LIMIT 1
            """, [jobClass])
        guard let row = rows.first else { return nil }
        let id = try row.decode("id", as: UUID.self)
        // `executable?`: reload, run only while unfinished.
        let finished = try await db.query("SELECT finished_at IS NOT NULL AS done FROM good_jobs WHERE id = $1", [id])
        if try finished.first?.decode("done", as: Bool.self) ?? true {
            try await unlock(id)
            return nil
        }
        return (id, try row.decode("batch_id"), try row.decode("batch_callback_id"))
    }

    /// `Job#perform` up to the body: the execution row and the job's start columns in one transaction.
    func start(_ id: UUID) async throws -> UUID {
        let execution = UUID()
        let processID = processID
        try await db.transaction { db in
            try db.query("""
                INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name,
                                                 serialized_params, scheduled_at, process_id)
                SELECT $2, \(Self.now), \(Self.now), id, job_class, queue_name, serialized_params, coalesce(scheduled_at, created_at), $3
                FROM good_jobs WHERE id = $1
                """, [id, execution, processID])
            try db.query("""
                UPDATE good_jobs SET performed_at = \(Self.now), executions_count = coalesce(executions_count, 0) + 1,
                       locked_by_id = $2, locked_at = \(Self.now), lock_type = 0, updated_at = \(Self.now)
                WHERE id = $1
                """, [id, processID])
        }
        return execution
    }

    /// The end of `Job#perform`: execution and job saved in one transaction; `error` nil for success.
    func finish(_ id: UUID, execution: UUID, error: String?, errorEvent: Int16?) async throws {
        try await db.transaction { db in
            try db.query("""
                UPDATE good_job_executions SET finished_at = \(Self.now), updated_at = \(Self.now), duration = \(Self.now) - created_at,
                       error = $2, error_event = $3
                WHERE id = $1
                """, [execution, error, errorEvent])
            try db.query("""
                UPDATE good_jobs SET finished_at = \(Self.now), error = $2, error_event = $3, locked_by_id = NULL,
                       locked_at = NULL, lock_type = NULL, updated_at = \(Self.now)
                WHERE id = $1
                """, [id, error, errorEvent])
        }
    }

    func unlock(_ id: UUID) async throws {
        try await db.query("SELECT pg_advisory_unlock(\(Self.key("'good_jobs-' || $1::uuid::text")))", [id])
    }

    /// `BatchRecord#_continue_discard_or_finish(job)`, as GoodJob runs it with callback enqueues inline.
    func continueDiscardOrFinish(batchID: UUID, jobDiscarded: Bool) async throws {
        let app = app
        try await db.transaction { db in
            try db.query("SELECT pg_advisory_xact_lock(\(Self.key("'good_job_batches-' || $1::uuid::text")))", [batchID])
            // reload
            guard let batch = try db.query("SELECT * FROM good_job_batches WHERE id = $1", [batchID]).first else { return }
            var discardedAt: Date? = try batch.decode("discarded_at")
            var jobsFinishedAt: Date? = try batch.decode("jobs_finished_at")
            let finishedAt: Date? = try batch.decode("finished_at")
            let enqueuedAt: Date? = try batch.decode("enqueued_at")
            func present(_ column: String) throws -> String? {
                let name = try batch.decode(column, as: String?.self)
                return name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            }
            func performLater(_ db: isolated PostgresConnection, _ jobClass: String, _ event: String) throws {
                let id = UUID()
                let queue = try batch.decode("callback_queue_name", as: String?.self) ?? "default"
                let priority = try batch.decode("callback_priority", as: Int?.self)
                try db.query("""
                    INSERT INTO good_jobs (id, active_job_id, job_class, queue_name, priority, serialized_params,
                                           scheduled_at, created_at, updated_at, batch_callback_id)
                    VALUES ($1::uuid, $1::uuid, $2::text, $3::text, coalesce($4::integer, 0), jsonb_build_object(
                      'job_class', $2::text, 'job_id', $1::uuid::text, 'provider_job_id', NULL, 'queue_name', $3::text,
                      'priority', $4::integer,
                      'arguments', jsonb_build_array(
                        jsonb_build_object('_aj_globalid', 'gid://' || $6::text || '/GoodJob::Batch/' || $5::uuid::text),
                        jsonb_build_object('event', jsonb_build_object(
                          '_aj_serialized', 'ActiveJob::Serializers::SymbolSerializer', 'value', $7::text),
                          '_aj_symbol_keys', jsonb_build_array('event'))),
                      'executions', 0, 'exception_executions', '{}'::jsonb, 'locale', 'en', 'timezone', 'UTC',
                      'enqueued_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"000Z"'),
                      'scheduled_at', NULL),
                      \(Self.now), \(Self.now), \(Self.now), $5::uuid)
                    """, [id, jobClass, queue, priority, batchID, app, event])
                try db.query("SELECT pg_notify('good_job', json_build_object('queue_name', $1::text)::text)", [queue])
            }
            if jobDiscarded && discardedAt == nil {
                try db.query("UPDATE good_job_batches SET discarded_at = \(Self.now), updated_at = \(Self.now) WHERE id = $1", [batchID])
                discardedAt = Date()
                if let name = try present("on_discard") { try performLater(db, name, "discard") }
            }
            let unfinishedJobs = try db.query("SELECT 1 FROM good_jobs WHERE batch_id = $1 AND finished_at IS NULL LIMIT 1",
                                              [batchID])
            if enqueuedAt != nil && jobsFinishedAt == nil && unfinishedJobs.isEmpty {
                try db.query("UPDATE good_job_batches SET jobs_finished_at = \(Self.now), updated_at = \(Self.now) WHERE id = $1",
                             [batchID])
                jobsFinishedAt = Date()
                if discardedAt == nil, let name = try present("on_success") { try performLater(db, name, "success") }
                if let name = try present("on_finish") { try performLater(db, name, "finish") }
            }
            let unfinishedCallbacks = try db.query(
                "SELECT 1 FROM good_jobs WHERE batch_callback_id = $1 AND finished_at IS NULL LIMIT 1", [batchID])
            if finishedAt == nil && jobsFinishedAt != nil && unfinishedCallbacks.isEmpty {
                try db.query("UPDATE good_job_batches SET finished_at = \(Self.now), updated_at = \(Self.now) WHERE id = $1", [batchID])
            }
        }
    }
}
