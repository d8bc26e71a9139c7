import Foundation
import GafferCore
import GafferEngine
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

struct BatchDiscardError: Error, CustomStringConvertible { var description: String { "not wanted" } }

/// A batch member: succeeds, or is discarded when its argument says so. With a gate id, its body
/// first waits (`FOR SHARE`) until the test releases the gate row it holds locked.
struct BatchMemberJob: Job {
    static let className = "BatchMemberJob"
    static var discardRules: [DiscardRule] { [DiscardRule(on: BatchDiscardError.self)] }
    let discard: Bool
    let gate: Int?
    init(discard: Bool = false, gate: Int? = nil) {
        self.discard = discard
        self.gate = gate
    }
    init(arguments: JobArguments) throws {
        discard = try arguments.positional(0, as: Bool.self)
        gate = try arguments.positional(1, as: Int?.self)
    }
    var arguments: JobArguments { [.bool(discard), gate.map { .int(Int64($0)) } ?? .null] }

    func perform(_ context: JobContext) async throws {
        if let gate {
            try await context.database().query("SELECT id FROM batch_gates WHERE id = $1 FOR SHARE", [gate])
        }
        if discard { throw BatchDiscardError() }
    }
}

/// Records each callback it runs, with what it received, in `batch_callback_runs`.
struct RecordingCallbackJob: BatchCallbackJob {
    static let className = "RecordingCallbackJob"
    static let queueName = "reports"
    let callback: BatchCallbackArguments
    init(callback: BatchCallbackArguments) { self.callback = callback }

    func perform(batch: Batch, event: BatchEvent, context: JobContext) async throws {
        let user = batch.properties["user"].flatMap { if case .int(let n) = $0 { Int(n) } else { nil } }
        try await context.database().query("""
            INSERT INTO batch_callback_runs (job_id, batch_id, event, description, user_property)
            VALUES ($1, $2, $3, $4, $5)
            """, [context.jobID, batch.id, event.rawValue, batch.description, user])
    }
}

@Suite("batches as GoodJob v4.19.2 does them")
struct BatchTests {
    static let types: [any Job.Type] = [BatchMemberJob.self, RecordingCallbackJob.self]

    static func database() async throws -> (ConnectionConfig, PostgresConnection) {
        let (config, db) = try await EngineFixture.database()
        try await db.execute("""
            CREATE TABLE batch_gates (id integer PRIMARY KEY);
            CREATE TABLE batch_callback_runs (job_id uuid PRIMARY KEY, batch_id uuid, event text, description text,
                                              user_property integer);
            """)
        return (config, db)
    }

    static func definition(_ description: String) -> BatchDefinition {
        BatchDefinition(description: description, properties: .symbolKeyed(["user": 7]),
                        onFinish: .job(RecordingCallbackJob.self), onSuccess: .job(RecordingCallbackJob.self),
                        onDiscard: .job(RecordingCallbackJob.self), callbackQueueName: "callbacks", callbackPriority: 3)
    }

    static func waitFinished(_ db: PostgresConnection, _ batch: UUID, _ what: String) async throws {
        try await TestWait.until(what) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_job_batches WHERE id = $1 AND finished_at IS NOT NULL",
                                          [batch]) == 1
        }
    }

    /// The callback jobs of `batch` by event, as their arguments name it.
    static func callbackEvents(_ db: PostgresConnection, _ batch: UUID) async throws -> [String] {
        try await db.query("""
            SELECT serialized_params->'arguments'->1->'event'->>'value' AS event FROM good_jobs
            WHERE batch_callback_id = $1 ORDER BY event
            """, [batch]).map { try $0.decode("event", as: String.self) }
    }

    /// What GoodJob writes for a callback job, column by column (contract §1.2, §2.1, §2.8).
    static func expectCallbackRows(_ db: PostgresConnection, _ batch: UUID) async throws {
        let rows = try await db.query("""
            SELECT id, active_job_id, job_class, queue_name, priority, batch_id, batch_callback_id, cron_key, cron_at,
                   concurrency_key, labels, error, executions_count, finished_at IS NOT NULL AS finished,
                   scheduled_at = created_at AS due_at_enqueue,
                   serialized_params->>'job_class' AS aj_class, serialized_params->>'job_id' AS aj_id,
                   serialized_params->>'queue_name' AS aj_queue, (serialized_params->>'priority')::int AS aj_priority,
                   (serialized_params->>'executions')::int AS aj_executions,
                   serialized_params->'arguments' = jsonb_build_array(
                     jsonb_build_object('_aj_globalid', 'gid://gaffer/GoodJob::Batch/' || $1::uuid::text),
                     jsonb_build_object('event', jsonb_build_object(
                       '_aj_serialized', 'ActiveJob::Serializers::SymbolSerializer',
                       'value', serialized_params->'arguments'->1->'event'->>'value'),
                       '_aj_symbol_keys', jsonb_build_array('event'))) AS arguments_as_goodjob
            FROM good_jobs WHERE batch_callback_id = $1::uuid
            """, [batch])
        #expect(!rows.isEmpty)
        for row in rows {
            let id = try row.decode("id", as: UUID.self)
            #expect(try row.decode("active_job_id", as: UUID.self) == id)
            #expect(try row.decode("aj_id", as: String.self) == id.uuidString.lowercased())
            #expect(try row.decode("job_class", as: String.self) == "RecordingCallbackJob")
            #expect(try row.decode("aj_class", as: String.self) == "RecordingCallbackJob")
            #expect(try row.decode("queue_name", as: String.self) == "callbacks")
            #expect(try row.decode("aj_queue", as: String.self) == "callbacks")
            #expect(try row.decode("priority", as: Int.self) == 3)
            #expect(try row.decode("aj_priority", as: Int.self) == 3)
            #expect(try row.decode("aj_executions", as: Int.self) == 0)
            #expect(try row.decode("batch_id", as: UUID?.self) == nil)
            #expect(try row.decode("batch_callback_id", as: UUID.self) == batch)
            #expect(try row.decode("cron_key", as: String?.self) == nil && row["cron_at"] == nil)
            #expect(row["concurrency_key"] == nil && row["labels"] == nil && row["error"] == nil)
            #expect(try row.decode("executions_count", as: Int.self) == 1)
            #expect(try row.decode("finished", as: Bool.self))
            #expect(try row.decode("due_at_enqueue", as: Bool.self))
            #expect(try row.decode("arguments_as_goodjob", as: Bool.self))
        }
    }

    @Test func allSucceedFiresSuccessAndFinishOnceThenFinishes() async throws {
        let (config, db) = try await Self.database()
        let client = GafferClient(connection: db)
        let batch = try await client.enqueueBatch(Self.definition("three jobs"),
                                                  jobs: [BatchMemberJob(), BatchMemberJob(), BatchMemberJob()])
        let worker = EngineFixture.worker(config, Self.types)
        try await worker.start()
        try await Self.waitFinished(db, batch.id, "the batch to finish")
        await worker.stop()

        #expect(try await Self.callbackEvents(db, batch.id) == ["finish", "success"])
        try await Self.expectCallbackRows(db, batch.id)
        let runs = try await db.query("SELECT event, description, user_property, batch_id FROM batch_callback_runs ORDER BY event")
        #expect(try runs.map { try $0.decode("event", as: String.self) } == ["finish", "success"])
        for run in runs {
            #expect(try run.decode("description", as: String.self) == "three jobs")
            #expect(try run.decode("user_property", as: Int.self) == 7)
            #expect(try run.decode("batch_id", as: UUID.self) == batch.id)
        }
        let row = try #require(try await db.query("""
            SELECT b.description, b.serialized_properties = '{"user": 7, "_aj_symbol_keys": ["user"]}'::jsonb AS props,
                   b.on_finish, b.on_success, b.on_discard, b.callback_queue_name, b.callback_priority,
                   b.discarded_at, b.enqueued_at >= b.created_at AS enqueued_after_create,
                   b.jobs_finished_at >= (SELECT max(finished_at) FROM good_jobs WHERE batch_id = b.id) AS jobs_then,
                   b.finished_at >= (SELECT max(finished_at) FROM good_jobs WHERE batch_callback_id = b.id) AS callbacks_then,
                   b.jobs_finished_at <= (SELECT min(created_at) FROM good_jobs WHERE batch_callback_id = b.id)
                     AS callbacks_after_jobs,
                   b.updated_at = b.finished_at AS updated_last,
                   (SELECT count(*) FROM good_jobs WHERE batch_id = b.id AND batch_callback_id IS NULL
                      AND finished_at IS NOT NULL AND error IS NULL) AS members
            FROM good_job_batches b WHERE b.id = $1
            """, [batch.id]).first)
        #expect(try row.decode("description", as: String.self) == "three jobs")
        #expect(try row.decode("props", as: Bool.self))
        for column in ["on_finish", "on_success", "on_discard"] {
            #expect(try row.decode(column, as: String.self) == "RecordingCallbackJob")
        }
        #expect(try row.decode("callback_queue_name", as: String.self) == "callbacks")
        #expect(try row.decode("callback_priority", as: Int.self) == 3)
        #expect(row["discarded_at"] == nil)
        for check in ["enqueued_after_create", "jobs_then", "callbacks_then", "callbacks_after_jobs", "updated_last"] {
            #expect(try row.decode(check, as: Bool.self), "\(check)")
        }
        #expect(try row.decode("members", as: Int.self) == 3)

        // What status and the screen read: the batch's progress, and its jobs and callback jobs.
        let summary = try #require(try await MonitorQueries.batches(db).first)
        #expect(summary.id == batch.id && summary.state == .succeeded)
        #expect(summary.jobs == 3 && summary.jobsFinished == 3 && summary.jobsDiscarded == 0)
        #expect(summary.callbacks == 2 && summary.callbacksFinished == 2)
        let listed = try await MonitorQueries.jobs(db, scope: JobListScope(state: .succeeded, batchID: batch.id),
                                                   now: Date().addingTimeInterval(60))
        #expect(listed.count == 5)
    }

    @Test func oneDiscardedFiresDiscardOnceAndFinish() async throws {
        let (config, db) = try await Self.database()
        let batch = try await GafferClient(connection: db).enqueueBatch(
            Self.definition("one bad"), jobs: [BatchMemberJob(), BatchMemberJob(discard: true), BatchMemberJob(discard: true)])
        let worker = EngineFixture.worker(config, Self.types)
        try await worker.start()
        try await Self.waitFinished(db, batch.id, "the batch to finish")
        await worker.stop()

        // Two members discarded, one on_discard: only the first discard enqueues it. No on_success.
        #expect(try await Self.callbackEvents(db, batch.id) == ["discard", "finish"])
        try await Self.expectCallbackRows(db, batch.id)
        let row = try #require(try await db.query("""
            SELECT b.discarded_at >= (SELECT min(finished_at) FROM good_jobs WHERE batch_id = b.id AND error IS NOT NULL)
                     AS discarded_then,
                   b.finished_at >= (SELECT max(finished_at) FROM good_jobs WHERE batch_callback_id = b.id) AS callbacks_then
            FROM good_job_batches b WHERE b.id = $1
            """, [batch.id]).first)
        for check in ["discarded_then", "callbacks_then"] {
            #expect(try row.decode(check, as: Bool.self), "\(check)")
        }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM batch_callback_runs") == 2)
    }

    @Test func aBatchWithoutJobsFinishesAtEnqueue() async throws {
        let (config, db) = try await Self.database()
        let batch = try await GafferClient(connection: db).enqueueBatch(Self.definition("empty"), jobs: [])
        // GoodJob enqueues the callbacks of an empty batch at once; they run, then the batch finishes.
        #expect(try await Self.callbackEvents(db, batch.id) == ["finish", "success"])
        let worker = EngineFixture.worker(config, Self.types)
        try await worker.start()
        try await Self.waitFinished(db, batch.id, "the empty batch to finish")
        await worker.stop()
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM batch_callback_runs") == 2)
    }

    // MARK: The last two jobs finishing at once

    static var races: Int { TestRun.size(local: 50, ci: 30) }

    /// Holds gate `id` locked until `release()`: job bodies gated on it block on it.
    final class Gate: Sendable {
        let db: PostgresConnection
        init(_ config: ConnectionConfig, id: Int) async throws {
            db = try await PostgresConnection.connect(config, applicationName: "gaffer-tests-gate")
            try await db.query("INSERT INTO batch_gates (id) VALUES ($1)", [id])
            try await db.execute("BEGIN")
            try await db.query("SELECT id FROM batch_gates WHERE id = $1 FOR UPDATE", [id])
        }
        func release() async throws { try await db.execute("COMMIT"); await db.close() }
    }

    /// Waits until `n` sessions are blocked on the gate's row lock.
    static func waitBlocked(_ db: PostgresConnection, _ n: Int) async throws {
        try await TestWait.until("\(n) job bodies waiting at the gate") {
            try await EngineFixture.count(db, """
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                """) >= n
        }
    }

    static func expectOnce(_ db: PostgresConnection, _ batch: UUID, discarded: Bool, round: Int) async throws {
        let events = try await callbackEvents(db, batch)
        #expect(events == (discarded ? ["discard", "finish"] : ["finish", "success"]), "round \(round)")
        let row = try #require(try await db.query("""
            SELECT discarded_at IS NOT NULL AS discarded, jobs_finished_at IS NOT NULL AS jobs_finished
            FROM good_job_batches WHERE id = $1
            """, [batch]).first)
        #expect(try row.decode("discarded", as: Bool.self) == discarded, "round \(round)")
        #expect(try row.decode("jobs_finished", as: Bool.self), "round \(round)")
    }

    /// A Ruby GoodJob worker and a Gaffer worker finish a batch's last two jobs at the same moment:
    /// each callback is enqueued once (the discard one when the Ruby job is discarded).
    @Test func rubyAndGafferFinishingTheLastTwoJobsFireEachCallbackOnce() async throws {
        let (config, db) = try await Self.database()
        let client = GafferClient(connection: db)
        let ruby = GoodJobRubyWorker(db: try await PostgresConnection.connect(config, applicationName: "goodjob-ruby"))
        let rubyBody = try await PostgresConnection.connect(config, applicationName: "goodjob-ruby-body")
        let worker = EngineFixture.worker(config, Self.types, threads: 2, poll: 0.2)
        try await worker.start()
        for round in 0..<Self.races {
            let discarded = round % 2 == 1
            let gate = try await Gate(config, id: round)
            let batch = try await client.createBatch(Self.definition("race \(round)"))
            try await client.add([BatchMemberJob(gate: round)], to: batch)
            // The Ruby app's own job class, which Gaffer does not claim.
            var rubyRow = try #require(try await db.query("SELECT gen_random_uuid() AS id").first?.decode("id", as: UUID.self))
            try await db.query("""
                INSERT INTO good_jobs (id, active_job_id, job_class, queue_name, priority, serialized_params, scheduled_at,
                                       created_at, updated_at, batch_id)
                VALUES ($1::uuid, $1::uuid, 'RubyMemberJob', 'default', 0, jsonb_build_object('job_class', 'RubyMemberJob',
                        'job_id', $1::uuid::text, 'arguments', '[]'::jsonb, 'executions', 0), now(), now(), now(), $2)
                """, [rubyRow, batch.id])
            try await client.enqueue(batch, reset: true)
            let claimed = try #require(try await ruby.claim(jobClass: "RubyMemberJob"), "round \(round)")
            rubyRow = claimed.id
            let execution = try await ruby.start(rubyRow)
            // The Ruby body waits at the gate on its own session, as the Swift body does on the worker's.
            let body = Task { try await rubyBody.query("SELECT id FROM batch_gates WHERE id = $1 FOR SHARE", [round]) }
            try await Self.waitBlocked(db, 2)
            try await gate.release()
            _ = try await body.value
            try await ruby.finish(rubyRow, execution: execution, error: discarded ? "RubyDiscard: not wanted" : nil,
                                  errorEvent: discarded ? 5 : nil)
            try await ruby.continueDiscardOrFinish(batchID: batch.id, jobDiscarded: discarded)
            try await ruby.unlock(rubyRow)
            try await Self.waitFinished(db, batch.id, "race \(round) to finish")
            try await Self.expectOnce(db, batch.id, discarded: discarded, round: round)
        }
        await worker.stop()
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM batch_callback_runs") == Self.races * 2)
    }

    /// Two Gaffer workers, one job each, finish a batch's last two jobs at the same moment.
    @Test func twoGafferWorkersFinishingTheLastTwoJobsFireEachCallbackOnce() async throws {
        let (config, db) = try await Self.database()
        let client = GafferClient(connection: db)
        let workers = [EngineFixture.worker(config, Self.types, threads: 1, poll: 0.2),
                       EngineFixture.worker(config, Self.types, threads: 1, poll: 0.2)]
        for worker in workers { try await worker.start() }
        for round in 0..<Self.races {
            let discarded = round % 2 == 1
            let gate = try await Gate(config, id: round)
            let batch = try await client.enqueueBatch(Self.definition("race \(round)"),
                                                      jobs: [BatchMemberJob(gate: round),
                                                             BatchMemberJob(discard: discarded, gate: round)])
            try await Self.waitBlocked(db, 2)
            try await gate.release()
            // Each job's step runs after its own end, on its own worker: under load the discarded job's step
            // can come after the finish callback has already finished the batch, so wait for both.
            try await TestWait.until("race \(round) to finish") {
                try await EngineFixture.count(db, """
                    SELECT count(*) FROM good_job_batches
                    WHERE id = $1 AND finished_at IS NOT NULL AND (discarded_at IS NOT NULL OR NOT $2)
                    """, [batch.id, discarded]) == 1
            }
            try await Self.expectOnce(db, batch.id, discarded: discarded, round: round)
        }
        for worker in workers { await worker.stop() }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM batch_callback_runs") == Self.races * 2)
    }
}
