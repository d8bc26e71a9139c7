import Foundation
import GafferMonitor
import GafferStore
import Postgres
import Testing

/// Issue 14 item 11: a queue keeps its row once seen: with only succeeded jobs, paused and empty,
/// named by a worker's selection, or after its last job is gone.
@Suite struct IdleQueuesTests {
    @Test func idleQueuesStayKnown() async throws {
        let seed = try await Seed.make()
        let done = try await seed.job(.succeeded, queue: "reports")
        try await seed.job(.queued, queue: "default")
        try await seed.process(queues: [("mailers,default", 5, 0)])
        try await PauseSettings.pause(.queue, "exports", now: seed.now, on: seed.db)
        let poller = MonitorPoller(connection: seed.db, interval: 1, clock: { Seed.now })
        let first = await poller.refresh()
        #expect(first.queues.map(\.name) == ["default"])
        #expect(first.queueNames == ["default", "exports", "mailers", "reports"])
        try await seed.db.query("DELETE FROM good_jobs WHERE id = $1", [done])
        try await PauseSettings.unpause(.queue, "exports", now: seed.now, on: seed.db)
        let later = await poller.refresh()
        #expect(later.queueNames == ["default", "exports", "mailers", "reports"])
    }
}

/// Issue 14 item 8: concurrency keys' waiting counts refresh with Queues, not every 5 s.
@Suite struct LimitsRefreshTests {
    @Test func waitingCountsFollowEveryRefresh() async throws {
        let seed = try await Seed.make()
        try await seed.job(.queued, concurrencyKey: "k")
        let poller = MonitorPoller(connection: seed.db, interval: 1, clock: { Seed.now })
        #expect(await poller.refresh().concurrencyKeys.first?.waiting == 1)
        try await seed.job(.queued, concurrencyKey: "k")
        #expect(await poller.refresh().concurrencyKeys.first?.waiting == 2)  // a cheap refresh, not a full one
    }
}
