import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("perform-stage limits hold across processes")
struct PerformLimitTests {
    @Test func throttleStartsAtMostTwoPerSecondAcrossTwoProcesses() async throws {
        let (config, db) = try await EngineFixture.database()
        let total = TestRun.size(local: 100, ci: 40)
        try await GafferClient(connection: db).enqueueAll((0..<total).map(ThrottledJob.init(n:)))
        let registry = JobRegistry([ThrottledJob.self])
        let before = try await Limiter(registry: registry).states(db, now: Date())
        #expect(before == [ConcurrencyLimitState(key: "ThrottledJob", rule: "perform_throttle: [2, 1s]", inUse: 0, limit: nil,
                                                 waiting: total, windowCount: 0, windowLimit: 2, windowPeriod: 1)])

        let workers = (0..<2).map { _ in
            Worker(registry: registry, database: config, configuration: EngineFixture.configuration(threads: 5))
        }
        for worker in workers { try await worker.start() }
        // Mid-run the pane shows the window at its limit and the jobs still waiting.
        try await TestWait.until("the limits pane shows a full window", timeout: 10, every: 0.05) {
            let state = try await workers[0].limiter.states(db, now: Date())[0]
            return state.windowCount == 2 && state.waiting > 0 && state.waiting < total && state.nextFree != nil
        }
        try await TestWait.until("\(total) throttled jobs finished", timeout: 240, every: 0.25) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == total
        }
        for worker in workers { await worker.stop() }

        // Every job started exactly once: nothing was claimed over the limit and deferred.
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions") == total)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions WHERE error IS NOT NULL") == 0)
        // No 1-second window holds more than 2 starts; the throttle was used to its limit, not below.
        let busiest = try await EngineFixture.count(db, """
            SELECT max((SELECT count(*) FROM good_job_executions b
                        WHERE b.created_at >= a.created_at AND b.created_at < a.created_at + interval '1 second'))
            FROM good_job_executions a
            """)
        #expect(busiest == 2)
        let after = try await workers[0].limiter.states(db, now: Date())
        #expect(after.map(\.waiting) == [0])
        #expect(after.map(\.inUse) == [0])
    }

    @Test func performLimitOneNeverRunsTwoAtOnceAcrossProcesses() async throws {
        let (config, db) = try await EngineFixture.database()
        try await db.execute("CREATE TABLE runs (job_id uuid PRIMARY KEY, started timestamptz, finished timestamptz)")
        let workers = (0..<3).map { _ in
            Worker(registry: JobRegistry([ExclusiveJob.self]), database: config, configuration: EngineFixture.configuration())
        }
        for worker in workers { try await worker.start() }
        // Each batch's NOTIFY wakes every idle process at once, so their claims race for the one slot.
        let batches = 5, perBatch = 3, total = batches * perBatch
        for batch in 0..<batches {
            try await GafferClient(connection: db).enqueueAll((0..<perBatch).map { ExclusiveJob(n: batch * perBatch + $0) })
            try await TestWait.until("batch \(batch) finished", timeout: 30, every: 0.05) {
                try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0
            }
        }
        for worker in workers { await worker.stop() }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM runs WHERE finished IS NOT NULL") == total)
        let overlapping = try await EngineFixture.count(db, """
            SELECT count(*) FROM runs a JOIN runs b ON a.job_id < b.job_id
            WHERE a.started < b.finished AND b.started < a.finished
            """)
        #expect(overlapping == 0)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions") == total)
    }
}
