import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("a NOTIFY wakes the pool without the poll")
struct NotifyWakeTests {
    /// With polling off, only the enqueue's `NOTIFY good_job` (or a slot freed) can start a job. Each job is
    /// enqueued as soon as the one before has started, so its notification often lands while that job's end
    /// and the next claim are in flight: a claim that forgot the notification then strands the job for good.
    @Test func everyJobEnqueuedWithPollingOffRunsEvenWhenAnnouncedDuringAClaim() async throws {
        let (config, db) = try await EngineFixture.database()
        let worker = EngineFixture.worker(config, [RecordingJob.self], threads: 2, poll: 0)
        try await worker.start()
        try await TestWait.until("the notifier to listen") { await worker.snapshot().notifierConnected }
        let client = GafferClient(connection: db)
        let total = TestRun.size(local: 200, ci: 60)
        for n in 0..<total {
            try await client.enqueue(RecordingJob(n: n))
            try await TestWait.until("job \(n) of \(total) to start without a poll", every: 0.001) {
                try await EngineFixture.count(db, "SELECT count(*) FROM side_effects") == n + 1
            }
        }
        await worker.stop()
        #expect(try await EngineFixture.count(db, "SELECT count(DISTINCT n) FROM side_effects") == total)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL") == 0)
    }
}
