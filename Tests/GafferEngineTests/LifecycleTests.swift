import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("shutdown, pauses and the process row")
struct LifecycleTests {
    static func waitForStart(_ db: PostgresConnection, _ n: Int = 1) async throws {
        try await TestWait.until("\(n) job(s) started") {
            try await EngineFixture.count(db, "SELECT count(*) FROM started") >= n
        }
    }

    @Test func gracefulStopLetsTheRunningJobFinish() async throws {
        let (config, db) = try await EngineFixture.database()
        let id = try #require(try await GafferClient(connection: db).enqueue(SleepJob(seconds: 2)))
        let worker = EngineFixture.worker(config, [SleepJob.self], shutdownTimeout: 25)
        try await worker.start()
        try await Self.waitForStart(db)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 1)
        await worker.stop()
        let row = try #require(try await db.query("SELECT finished_at, error FROM good_jobs WHERE id = $1", [id]).first)
        #expect(row["finished_at"] != nil && row["error"] == nil)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 0)
    }

    @Test func stopPastTheTimeoutCancelsAndTheJobRunsAgainAsInterrupted() async throws {
        let (config, db) = try await EngineFixture.database()
        let id = try #require(try await GafferClient(connection: db).enqueue(SleepJob(seconds: 60)))
        let first = EngineFixture.worker(config, [SleepJob.self], shutdownTimeout: 0.2)
        try await first.start()
        try await Self.waitForStart(db)
        await first.stop()
        let left = try #require(try await db.query(
            "SELECT performed_at, finished_at, locked_by_id FROM good_jobs WHERE id = $1", [id]).first)
        #expect(left["performed_at"] != nil && left["finished_at"] == nil && left["locked_by_id"] == nil)

        let second = EngineFixture.worker(config, [SleepJob.self])
        try await second.start()
        try await TestWait.until("the re-run finishes") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 1
        }
        await second.stop()
        let attempts = try await db.query("SELECT attempt FROM started ORDER BY at")
        #expect(try attempts.map { try $0.decode("attempt", as: Int.self) } == [1, 2])
        let executions = try await db.query("SELECT error_event, finished_at FROM good_job_executions ORDER BY created_at")
        try #require(executions.count == 2)
        #expect(executions[0]["error_event"] == "0")
        #expect(executions[1]["error_event"] == nil)
        let job = try #require(try await db.query("SELECT error, executions_count FROM good_jobs").first)
        #expect(job["error"] == nil)
        #expect(job["executions_count"] == "2")
    }

    @Test func localPauseStopsClaimsAndResumeRestartsThem() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let paused = EngineFixture.worker(config, [RecordingJob.self])
        try await paused.start()
        await paused.setPaused(true)
        let pausedID = await paused.processID
        try await client.enqueueAll((0..<20).map { RecordingJob(n: $0) })
        let other = EngineFixture.worker(config, [RecordingJob.self])
        try await other.start()
        try await TestWait.until("the other worker drains the queue") {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects") == 20
        }
        await other.stop()
        #expect(try await EngineFixture.count(
            db, "SELECT count(*) FROM good_job_executions WHERE process_id = $1", [pausedID]) == 0)
        await paused.setPaused(false)
        try await client.enqueueAll((20..<30).map { RecordingJob(n: $0) })
        try await TestWait.until("the resumed worker drains the queue") {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects") == 30
        }
        #expect(try await EngineFixture.count(
            db, "SELECT count(*) FROM good_job_executions WHERE process_id = $1", [pausedID]) == 10)
        await paused.stop()
    }

    @Test func pausedQueueStaysQueuedWhileOthersRun() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        try await db.query("""
            INSERT INTO good_job_settings (id, created_at, updated_at, key, value)
            VALUES (gen_random_uuid(), now(), now(), 'pauses', '{"queues":["slow"],"job_classes":[],"labels":[]}')
            """)
        try await client.enqueue(RecordingJob(n: 1), EnqueueOptions(queue: "slow"))
        try await client.enqueue(RecordingJob(n: 2), EnqueueOptions(queue: "fast"))
        let worker = EngineFixture.worker(config, [RecordingJob.self])
        try await worker.start()
        try await TestWait.until("the fast job ran") {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects WHERE n = 2") == 1
        }
        await worker.stop()
        #expect(try await EngineFixture.count(
            db, "SELECT count(*) FROM good_jobs WHERE queue_name = 'slow' AND performed_at IS NULL AND finished_at IS NULL") == 1)
    }

    @Test func processRowCarriesTheStateGoodJobsDashboardReads() async throws {
        let (config, db) = try await EngineFixture.database()
        let worker = EngineFixture.worker(config, [RecordingJob.self], queues: "a,b:2;*", threads: 3)
        try await worker.start()
        let state = try #require(try await db.query("SELECT state, lock_type FROM good_job_processes").first)
        await worker.stop()
        #expect(state["lock_type"] == "0")
        let json = try JSONValue.parse(try #require(state["state"]))
        #expect(json["pid"]?.intValue == Int(getpid()))
        #expect((json["memory"]?.intValue ?? 0) > 0)
        #expect(json["hostname"]?.stringValue?.isEmpty == false)
        #expect(json["proctitle"]?.stringValue?.isEmpty == false)
        let schedulers = try #require(json["schedulers"]?.arrayValue)
        #expect(schedulers.map { $0["queues"]?.stringValue } == ["a,b", "*"])
        #expect(schedulers.map { $0["max_threads"]?.intValue } == [2, 3])
    }
}

@Suite("the process row never shows a database password")
struct ProcessTitleTests {
    @Test func databaseURLsAreRedacted() {
        let title = ProcessStateProbe.proctitle(["/usr/bin/gaffer", "start", "--database-url", "postgresql://u:hunter2@db/x",
                                                 "--database-url=postgres://u:pw2@h/y", "host=h password=pw3", "--queues", "a"])
        #expect(title == "/usr/bin/gaffer start --database-url [redacted] --database-url=[redacted] [redacted] --queues a")
    }
}
