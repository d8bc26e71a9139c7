import Foundation
import GafferCore
import GafferEngine
import GafferTestSupport
import Postgres
import Testing

/// Gaffer workers beside a GoodJob-style worker in each lock strategy, on one class of jobs.
///
/// The regression test for a job run twice in a mixed fleet: Gaffer released a job's advisory lock
/// inside the transaction that wrote its finish, so an advisory-strategy worker could take the lock,
/// re-read the row before the finish committed and run the job again (contract §3.7).
@Suite("beside GoodJob's lock strategies, every job runs exactly once", .serialized)
struct MixedFleetTests {
    /// Jobs per strategy: fewer on CI, where the whole suite shares two cores.
    static let total = TestRun.size(local: 10_000, ci: 2_500)

    @Test(arguments: GoodJobClaimant.Strategy.allCases)
    func noJobRunsTwice(_ strategy: GoodJobClaimant.Strategy) async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        for chunk in stride(from: 0, to: Self.total, by: 2_000) {
            try await client.enqueueAll((chunk..<min(chunk + 2_000, Self.total)).map { _ in FaultJob(pauseMillis: 0) })
        }
        let claimants = [try await GoodJobClaimant(strategy, jobClass: FaultJob.className, config: config),
                         try await GoodJobClaimant(strategy, jobClass: FaultJob.className, config: config)]
        let loops = claimants.map { claimant in Task { try await claimant.run() } }
        let workers = [EngineFixture.worker(config, [FaultJob.self]), EngineFixture.worker(config, [FaultJob.self])]
        for worker in workers { try await worker.start() }

        try await TestWait.until("\(Self.total) jobs finished", timeout: 300, every: 0.1) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0
        }
        for worker in workers { await worker.stop() }
        for claimant in claimants { await claimant.stop() }
        for loop in loops { try await loop.value }

        let twice = try await db.query("""
            SELECT job_id::text AS id, count(*) AS runs, array_agg(pid ORDER BY at)::text AS who
            FROM body_runs GROUP BY job_id HAVING count(*) > 1 ORDER BY job_id LIMIT 5
            """)
        #expect(twice.isEmpty, "jobs run twice beside \(strategy): \(twice.map { "\($0["id"] ?? "") \($0["who"] ?? "")" })")
        #expect(try await EngineFixture.count(db, "SELECT count(DISTINCT job_id) FROM body_runs") == Self.total)
        #expect(try await EngineFixture.count(db, """
            SELECT count(*) FROM good_jobs
            WHERE error IS NOT NULL OR executions_count <> 1 OR locked_by_id IS NOT NULL OR lock_type IS NOT NULL
            """) == 0)
        // Both kinds of worker took part, or the race was never run.
        let rubyRuns = try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE pid = 0")
        #expect(rubyRuns > 0 && rubyRuns < Self.total, "the \(strategy) claimant ran \(rubyRuns) of \(Self.total)")
    }
}
