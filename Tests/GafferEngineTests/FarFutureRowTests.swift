import Foundation
import GafferEngine
import GafferTestSupport
import Postgres
import Testing

/// Issue 13: a row scheduled far in the future (5-digit years, as far as PostgreSQL goes) used to fail
/// every poll's decode: a warning, a "recovered" line and a claim error per poll, for ever.
@Suite("far-future rows: decoded without a warning per poll")
struct FarFutureRowTests {
    @Test(arguments: ["99999-01-01 00:00:00+00", "294276-12-31 23:59:59+00", "infinity"])
    func aFarFutureRowLeavesAtMostOneWarningAndNoClaimErrors(scheduledAt: String) async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let far = try #require(try await client.enqueue(RecordingJob(n: 1)))
        try await db.query("UPDATE good_jobs SET scheduled_at = $2::timestamptz WHERE id = $1", [far, scheduledAt])
        let logger = CollectingLogger()
        let worker = EngineFixture.worker(config, [RecordingJob.self], poll: 0.05, logger: logger.logger)
        try await worker.start()
        // Twenty polls, each of which reads the earliest future scheduled_at.
        try await TestWait.until("twenty polls", timeout: 120) {
            await worker.snapshot().pools.reduce(0) { $0 + $1.roundTrips } >= 20
        }
        let now = try #require(try await client.enqueue(RecordingJob(n: 2)))
        try await TestWait.until("a job due now runs beside the far-future row", timeout: 120) {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects WHERE job_id = $1", [now]) == 1
        }
        let snapshot = await worker.snapshot()
        await worker.stop()
        #expect(snapshot.pools.reduce(0) { $0 + $1.claimErrors } == 0)
        let complaints = logger.all.filter { $0.level >= .warning }
        #expect(complaints.count <= 1, "\(complaints.map(\.message))")
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = $1 AND finished_at IS NULL", [far]) == 1)
    }

    /// Whole seconds far out: a `Date` (a Double) keeps microseconds only within a few centuries of 2001.
    @Test func timestampsRoundTripAcrossPostgreSQLsWholeRange() async throws {
        let (_, db) = try await EngineFixture.database()
        for text in ["4713-11-24 00:00:00+00 BC", "0001-01-01 00:00:00+00 BC", "0001-01-01 00:00:00+00", "2026-07-20 12:00:00.123456+00",
                     "9999-12-31 23:59:59+00", "10000-01-01 00:00:00+00", "99999-06-15 12:30:00.5+00", "294276-12-31 23:59:59+00"] {
            let date = try #require(try await db.query("SELECT $1::timestamptz AS t", [text]).first).decode("t", as: Date.self)
            let back = try #require(try await db.query("SELECT $1::timestamptz = $2::timestamptz AS same", [date, text]).first)
            #expect(back["same"] == "t", "\(text) read as \(date)")
        }
    }
}
