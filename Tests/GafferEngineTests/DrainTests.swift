import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("the worker drains jobs exactly once, beside Ruby's rows")
struct DrainTests {
    @Test func twoProcessesDrainEveryJobExactlyOnce() async throws {
        let (config, db) = try await EngineFixture.database()
        let total = TestRun.size(local: 10_000, ci: 3_000)
        let client = GafferClient(connection: db)
        for chunk in stride(from: 0, to: total, by: 2_000) {
            try await client.enqueueAll((chunk..<min(chunk + 2_000, total)).map { RecordingJob(n: $0) })
        }
        let workers = [EngineFixture.worker(config, [RecordingJob.self]), EngineFixture.worker(config, [RecordingJob.self])]
        for worker in workers { try await worker.start() }
        try await TestWait.until("\(total) side effects", timeout: 300, every: 0.1) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == total
        }
        for worker in workers { await worker.stop() }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM side_effects") == total)
        #expect(try await EngineFixture.count(db, "SELECT count(DISTINCT n) FROM side_effects") == total)
        // Succeeded by the dashboard's rule: finished, no error.
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NULL") == total)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions WHERE finished_at IS NOT NULL AND error IS NULL") == total)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE executions_count <> 1 OR locked_by_id IS NOT NULL OR lock_type IS NOT NULL") == 0)
        // Both processes took part, and both removed their process rows on stop.
        #expect(try await EngineFixture.count(db, "SELECT count(DISTINCT process_id) FROM good_job_executions") == 2)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_processes") == 0)
    }

    @Test func railsWrittenRowRunsTheSwiftJobWithItsArguments() async throws {
        let (config, db) = try await EngineFixture.database()
        let id = UUID()
        // Exactly what GoodJob writes for `PublicationSyncJob.perform_later(123, force: true)` (contract §2.1, §2.8).
        let params = """
            {"job_class":"PublicationSyncJob","job_id":"\(id.uuidString.lowercased())","provider_job_id":null,\
            "queue_name":"default","priority":null,"arguments":[123,{"force":true,"_aj_ruby2_keywords":["force"]}],\
            "executions":0,"exception_executions":{},"locale":"en","timezone":"UTC",\
            "enqueued_at":"2026-07-20T12:00:00.123456789Z","scheduled_at":null}
            """
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                                   created_at, updated_at, job_class)
            VALUES ($1, $1, 'default', 0, $2::jsonb, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
                    now() AT TIME ZONE 'UTC', 'PublicationSyncJob')
            """, [id, PostgresJSON(params)])
        // A row for a class only the Rails app has, in the same queue.
        let rubyID = UUID()
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                                   created_at, updated_at, job_class)
            VALUES ($1, $1, 'default', 0, '{"job_class":"MailerJob","arguments":[]}', now() AT TIME ZONE 'UTC',
                    now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 'MailerJob')
            """, [rubyID])
        let before = try #require(try await db.query("SELECT row_to_json(g)::text AS r FROM good_jobs g WHERE id = $1", [rubyID]).first)
        let worker = EngineFixture.worker(config, [PublicationSyncJob.self])
        try await worker.start()
        try await TestWait.until("the Swift job ran") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = $1 AND finished_at IS NOT NULL", [id]) == 1
        }
        let received = try #require(try await db.query("SELECT publication_id, force FROM received WHERE job_id = $1", [id]).first)
        #expect(try received.decode("publication_id", as: Int.self) == 123)
        #expect(try received.decode("force", as: Bool.self) == true)
        // The claim that took the Swift row saw the Ruby-only row too; it is byte-for-byte untouched.
        await worker.stop()
        let after = try #require(try await db.query("SELECT row_to_json(g)::text AS r FROM good_jobs g WHERE id = $1", [rubyID]).first)
        #expect(after["r"] == before["r"])
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions WHERE active_job_id = $1", [rubyID]) == 0)
    }
}
