import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Hostile RecordingJob rows: malformed ones discarded after one attempt, NULL columns as GoodJob v4, the rest drains.
@Suite("hostile rows: discarded once, never looped, the rest drains")
struct HostileRowTests {
    /// Inserts one RecordingJob row, due now on the worker's clock, except for the given columns.
    @discardableResult
    static func insert(_ db: PostgresConnection, params: String?, queue: String? = "default", jobClass: String? = "RecordingJob",
                       scheduled: Bool = true, labels: [String]? = nil) async throws -> UUID {
        try await HostileRows.insert(db, params: params, at: Date(), queue: queue, jobClass: jobClass, scheduled: scheduled,
                                     labels: labels)
    }

    @Test func malformedRowsAreDiscardedOnceAndGoodJobsDrainAroundThem() async throws {
        let (config, db) = try await EngineFixture.database()
        var good: [UUID] = []
        var bad: [(id: UUID, name: String, reason: String)] = []
        for (index, row) in HostileRows.malformed.enumerated() {
            good.append(try await Self.insert(db, params: HostileRows.params("[\(index)]")))
            bad.append((try await Self.insert(db, params: row.params), row.name, row.reason))
        }
        // NULL queue_name is taken by a `*` pool (GoodJob's "all queues" has no queue predicate);
        // 1,000 labels change nothing.
        let nullQueue = try await Self.insert(db, params: HostileRows.params("[100]"), queue: nil)
        let labelled = try await Self.insert(db, params: HostileRows.params("[101]"), labels: (1...1000).map { "label-\($0)" })
        // Never claimed: NULL scheduled_at (GoodJob ≥ 4.9 requires `scheduled_at <= now`), NULL job_class
        // (not a class this worker registered, whatever the payload says).
        let nullScheduled = try await Self.insert(db, params: HostileRows.params("[102]"), scheduled: false)
        let nullClass = try await Self.insert(db, params: HostileRows.params("[103]"), jobClass: nil)

        let worker = EngineFixture.worker(config, [RecordingJob.self], threads: 3)
        try await worker.start()
        let runnable = good.count + 2
        try await TestWait.until("the good jobs to run and the malformed ones to finish") {
            let ran = try await EngineFixture.count(db, "SELECT count(*) FROM side_effects")
            let finished = try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL")
            return ran == runnable && finished == runnable + bad.count
        }
        // A job enqueued afterwards still runs: the claim loop is not wedged, and it passed the
        // finished malformed rows without taking them again.
        let late = try #require(try await GafferClient(connection: db).enqueue(RecordingJob(n: 200)))
        try await TestWait.until("a job enqueued after the hostile rows to run") {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects WHERE job_id = $1", [late]) == 1
        }
        await worker.stop()

        for row in bad {
            let job = try #require(try await db.query("""
                SELECT error, error_event, finished_at, executions_count, locked_by_id,
                       (SELECT count(*) FROM good_job_executions e WHERE e.active_job_id = g.id) AS attempts,
                       (SELECT e.error FROM good_job_executions e WHERE e.active_job_id = g.id) AS attempt_error
                FROM good_jobs g WHERE id = $1
                """, [row.id]).first)
            let error = try #require(job["error"], "\(row.name)")
            let prefix = "Gaffer::MalformedJobError: cannot run RecordingJob \(row.id.uuidString.lowercased()): "
            #expect(error.hasPrefix(prefix), "\(row.name): \(error)")
            #expect(error.contains(row.reason), "\(row.name): \(error)")
            #expect(!error.contains("\n") && error.count < 400, "\(row.name): \(error.prefix(500))")
            #expect(job["error_event"] == "5", "\(row.name)")
            #expect(job["finished_at"] != nil && job["locked_by_id"] == nil, "\(row.name)")
            #expect(job["executions_count"] == "1" && job["attempts"] == "1", "\(row.name)")
            #expect(job["attempt_error"] == error, "\(row.name)")
        }
        for id in [nullQueue, labelled] {
            #expect(try await EngineFixture.count(db, "SELECT count(*) FROM side_effects WHERE job_id = $1", [id]) == 1)
        }
        for id in [nullScheduled, nullClass] {
            let row = try #require(try await db.query(
                "SELECT performed_at, finished_at, executions_count FROM good_jobs WHERE id = $1", [id]).first)
            #expect(row["performed_at"] == nil && row["finished_at"] == nil && row["executions_count"] == nil)
        }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM side_effects") == runnable + 1)
        await db.close()
    }

    /// Counters at their maximum: `executions_count + 1` failed every claim, `executions + 1` trapped the worker.
    @Test func countersAtTheirMaximumNeitherWedgeNorCrash() async throws {
        let (config, db) = try await EngineFixture.database()
        let top = Int64.max
        let params = #"{"job_class": "FailingJob", "job_id": "x", "arguments": ["rate"], "executions": \#(top), "#
            + #""exception_executions": {"[RateLimitError]": \#(top)}}"#
        let failing = try await HostileRows.insert(db, params: params, at: Date(), jobClass: "FailingJob")
        let recording = try await Self.insert(db, params: HostileRows.params("[1]"))
        try await db.query("UPDATE good_jobs SET executions_count = 2147483647 WHERE id IN ($1, $2)", [failing, recording])
        let worker = EngineFixture.worker(config, [FailingJob.self, RecordingJob.self], threads: 2)
        try await worker.start()
        let late = try #require(try await GafferClient(connection: db).enqueue(RecordingJob(n: 2)))
        try await TestWait.until("the maxed-out rows and a later job to finish") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 3
        }
        await worker.stop()
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM side_effects WHERE job_id IN ($1, $2)",
                                              [recording, late]) == 2)
        let row = try #require(try await db.query(
            "SELECT error_event, executions_count FROM good_jobs WHERE id = $1", [failing]).first)
        #expect(row["error_event"] == "4" && row["executions_count"] == "2147483647")
        await db.close()
    }

    @Test func aNullQueueRowIsNotOnTheDefaultQueue() async throws {
        let (config, db) = try await EngineFixture.database()
        let nullQueue = try await Self.insert(db, params: HostileRows.params("[1]"), queue: nil)
        let onDefault = try await Self.insert(db, params: HostileRows.params("[2]"))
        let worker = EngineFixture.worker(config, [RecordingJob.self], queues: "default", threads: 1)
        try await worker.start()
        try await TestWait.until("the default queue's job to run") {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects WHERE job_id = $1", [onDefault]) == 1
        }
        // Another claim round after the first: the NULL-queue row is still not taken by a `default` pool.
        let late = try #require(try await GafferClient(connection: db).enqueue(RecordingJob(n: 3)))
        try await TestWait.until("a later default job to run") {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects WHERE job_id = $1", [late]) == 1
        }
        await worker.stop()
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = $1 AND performed_at IS NULL",
                                              [nullQueue]) == 1)
        await db.close()
    }
}
