import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("cleanup_preserved_jobs")
struct CleanupSQLTests {
    static let t0 = Date(timeIntervalSince1970: 1_784_548_800)

    /// Inserts a job (and one execution) finished at `finishedAt`, with or without an error.
    static func job(_ db: PostgresConnection, finishedAt: Date?, error: String? = nil) async throws -> UUID {
        let id = UUID()
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, job_class, queue_name, serialized_params, scheduled_at,
                                   created_at, updated_at, performed_at, finished_at, error)
            VALUES ($1, $1, 'NoopJob', 'default', '{}', $2, $2, $2, $3, $3, $4)
            """, [id, Self.t0.addingTimeInterval(-100_000), finishedAt, error])
        try await db.query("""
            INSERT INTO good_job_executions (id, active_job_id, job_class, queue_name, serialized_params, scheduled_at,
                                             created_at, updated_at, finished_at)
            VALUES (gen_random_uuid(), $1, 'NoopJob', 'default', '{}', $2, $2, $2, $3)
            """, [id, Self.t0.addingTimeInterval(-100_000), finishedAt])
        return id
    }

    static func remaining(_ db: PostgresConnection) async throws -> Set<UUID> {
        Set(try await db.query("SELECT id FROM good_jobs").map { try $0.decode("id", as: UUID.self) })
    }

    @Test func deletesOldFinishedJobsWithTheirExecutionsAndKeepsTheRest() async throws {
        let db = try await TestServer.freshConnection("cleanup")
        try await Migrator.migrate(db)
        let cutoff = Self.t0.addingTimeInterval(-3600)
        var old: [UUID] = []
        for n in 0..<5 { old.append(try await Self.job(db, finishedAt: cutoff.addingTimeInterval(Double(-n)))) }
        let oldDiscarded = try await Self.job(db, finishedAt: cutoff.addingTimeInterval(-10), error: "E: boom")
        let recent = try await Self.job(db, finishedAt: cutoff.addingTimeInterval(1))
        let unfinished = try await Self.job(db, finishedAt: nil)

        let first = try await CleanupSQL.cleanupPreservedJobs(db, before: cutoff, includeDiscarded: false, batchSize: 2)
        #expect(first.jobs == 5 && first.executions == 5)
        #expect(try await Self.remaining(db) == [oldDiscarded, recent, unfinished])

        let second = try await CleanupSQL.cleanupPreservedJobs(db, before: cutoff, includeDiscarded: true)
        #expect(second.jobs == 1)
        #expect(try await Self.remaining(db) == [recent, unfinished])
        let executions = try await db.query("SELECT count(*) FROM good_job_executions").first!.decode(0, as: Int.self)
        #expect(executions == 2)
    }
}
