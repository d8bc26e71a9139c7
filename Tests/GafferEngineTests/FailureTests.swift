import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

struct RateLimitError: Error, CustomStringConvertible {
    var description: String { "429 Too Many Requests" }
}
struct BadRowError: Error, CustomStringConvertible {
    var description: String { "row 7 has no name" }
}
struct NulByteError: Error, CustomStringConvertible {
    var description: String { "bad\u{0}byte" }
}

/// Throws the error its argument names, every time.
struct FailingJob: Job {
    static let className = "FailingJob"
    static var retryRules: [RetryRule] {
        [RetryRule(on: RateLimitError.self, attempts: 5, wait: .fixed(seconds: 3600)),
         RetryRule(on: BadRowError.self, attempts: 1, wait: .fixed(seconds: 0))]
    }
    static var discardRules: [DiscardRule] { [DiscardRule(on: CancellationErrorStandIn.self)] }
    let kind: String
    init(_ kind: String) { self.kind = kind }
    init(arguments: JobArguments) throws { kind = try arguments.positional(0, as: String.self) }
    var arguments: JobArguments { [.string(kind)] }

    func perform(_ context: JobContext) async throws {
        switch kind {
        case "rate": throw RateLimitError()
        case "bad": throw BadRowError()
        case "discard": throw CancellationErrorStandIn()
        case "nul": throw NulByteError()
        default: throw UnhandledError()
        }
    }
}
struct CancellationErrorStandIn: Error, CustomStringConvertible { var description: String { "no longer wanted" } }
struct UnhandledError: Error, CustomStringConvertible { var description: String { "boom" } }

@Suite("failed attempts write GoodJob's rows")
struct FailureTests {
    struct Row {
        let job: PostgresRow
        let executions: PostgresRows
    }

    /// Enqueues one FailingJob, runs a worker until its first attempt has ended, returns the rows.
    static func runOnce(_ kind: String) async throws -> Row {
        let (config, db) = try await EngineFixture.database()
        let id = try #require(try await GafferClient(connection: db).enqueue(FailingJob(kind)))
        let worker = EngineFixture.worker(config, [FailingJob.self])
        try await worker.start()
        try await TestWait.until("the first attempt of \(kind) ends") {
            let ended = try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions WHERE finished_at IS NOT NULL")
            let unlocked = try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE locked_by_id IS NULL")
            return ended >= 1 && unlocked == 1
        }
        await worker.stop()
        let job = try #require(try await db.query("""
            SELECT scheduled_at, performed_at, finished_at, error, error_event, executions_count, locked_by_id,
                   locked_at, lock_type, serialized_params->'executions' AS aj_executions,
                   serialized_params->'exception_executions' AS aj_counters,
                   (scheduled_at - created_at) AS wait, created_at
            FROM good_jobs WHERE id = $1
            """, [id]).first)
        let executions = try await db.query("""
            SELECT error, error_event, finished_at, cardinality(error_backtrace) AS frames, duration
            FROM good_job_executions WHERE active_job_id = $1 ORDER BY created_at
            """, [id])
        return Row(job: job, executions: executions)
    }

    static func expectUnlocked(_ row: PostgresRow) {
        #expect(row["locked_by_id"] == nil && row["locked_at"] == nil && row["lock_type"] == nil)
    }

    @Test func retryRewritesTheSameRow() async throws {
        let row = try await Self.runOnce("rate")
        #expect(row.job["error"] == "RateLimitError: 429 Too Many Requests")
        #expect(row.job["error_event"] == "3")
        #expect(row.job["finished_at"] == nil && row.job["performed_at"] == nil)
        #expect(row.job["aj_executions"] == "1")
        #expect(row.job["aj_counters"] == #"{"[RateLimitError]": 1}"#)
        let wait = try row.job.decode("wait", as: PostgresInterval.self).seconds
        #expect(wait >= 3600 && wait <= 3600 * 1.15 + 1)
        Self.expectUnlocked(row.job)
        #expect(row.executions.count == 1)
        #expect(row.executions[0]["error_event"] == "3")
        #expect(try row.executions[0].decode("frames", as: Int.self) > 0)
        #expect(row.executions[0]["duration"] != nil)
    }

    @Test func discardFinishesWithEventFive() async throws {
        let row = try await Self.runOnce("discard")
        #expect(row.job["error"] == "CancellationErrorStandIn: no longer wanted")
        #expect(row.job["error_event"] == "5")
        #expect(row.job["finished_at"] != nil)
        Self.expectUnlocked(row.job)
        #expect(row.executions[0]["error_event"] == "5")
    }

    @Test func unhandledFinishesWithEventOne() async throws {
        let row = try await Self.runOnce("other")
        #expect(row.job["error"] == "UnhandledError: boom")
        #expect(row.job["error_event"] == "1")
        #expect(row.job["finished_at"] != nil)
        #expect(row.job["executions_count"] == "1")
        Self.expectUnlocked(row.job)
    }

    @Test func retryStoppedWhenAttemptsRunOut() async throws {
        let row = try await Self.runOnce("bad")
        #expect(row.job["error"] == "BadRowError: row 7 has no name")
        #expect(row.job["error_event"] == "4")
        #expect(row.job["finished_at"] != nil)
        #expect(row.executions[0]["error_event"] == "4")
    }

    /// PostgreSQL text cannot hold NUL: written as is, it failed the attempt-end statement on every round, for ever.
    @Test func aNulInAnErrorIsStoredEscaped() async throws {
        let row = try await Self.runOnce("nul")
        #expect(row.job["error"] == #"NulByteError: bad\u0000byte"#)
        #expect(row.executions.count == 1 && row.executions[0]["error"] == #"NulByteError: bad\u0000byte"#)
        Self.expectUnlocked(row.job)
    }

    @Test func malformedArgumentsAreDiscardedNotLooped() async throws {
        let (config, db) = try await EngineFixture.database()
        let id = UUID()
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                                   created_at, updated_at, job_class)
            VALUES ($1, $1, 'default', 0, '{"job_class":"FailingJob","arguments":{"not":"an array"}}',
                    now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 'FailingJob')
            """, [id])
        let worker = EngineFixture.worker(config, [FailingJob.self])
        try await worker.start()
        try await TestWait.until("the malformed row is finished") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 1
        }
        await worker.stop()
        let row = try #require(try await db.query("SELECT error, error_event, executions_count FROM good_jobs").first)
        let error = try #require(row["error"])
        #expect(error.hasPrefix("Gaffer::MalformedJobError: cannot run FailingJob \(id.uuidString.lowercased())"), "\(error)")
        #expect(row["error_event"] == "5")
        #expect(row["executions_count"] == "1")
    }
}
