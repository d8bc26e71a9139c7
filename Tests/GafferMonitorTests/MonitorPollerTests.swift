import Foundation
import GafferMonitor
import GafferStore
import Postgres
import Synchronization
import Testing

@Suite struct MonitorPollerTests {
    @Test func aRefreshFillsEveryPaneAndLeavesTheLocalWorkersJobsToIt() async throws {
        let seed = try await Seed.make()
        let local = FakeLocalWorker()
        let localID = local.snapshot().processID
        try await seed.job(.queued)
        try await seed.job(.discarded, error: "Boom: x")
        let remote = try await seed.process()
        let remoteJob = try await seed.job(.running, lockedBy: remote)
        try await seed.job(.running, lockedBy: localID)
        try await seed.job(.succeeded, cronKey: "nightly", cronAt: seed.now)
        let poller = MonitorPoller(connection: seed.db, local: local, interval: 1, clock: { Seed.now })
        let snapshot = await poller.refresh()
        #expect(snapshot.refresh.error == nil && !snapshot.refresh.isLoading)
        #expect(snapshot.queues.first?.running == 2 && snapshot.queues.first?.queued == 1)
        #expect(snapshot.running.map(\.id) == [remoteJob])
        #expect(snapshot.processes.map(\.id) == [remote])
        #expect(snapshot.failures.map(\.errorClass) == ["Boom"])
        #expect(snapshot.cron.map(\.key) == ["nightly"])
        #expect(snapshot.local?.processID == localID)
        #expect(snapshot.refresh.interval >= 1)
    }

    @Test func throughputCountsJobsFinishedBetweenRefreshes() async throws {
        let seed = try await Seed.make()
        let now = Mutex(Seed.now)
        let poller = MonitorPoller(connection: seed.db, interval: 1, clock: { now.withLock { $0 } })
        await poller.refresh()
        now.withLock { $0 = $0.addingTimeInterval(10) }
        try await seed.job(.succeeded, queue: "a", at: 5)
        try await seed.job(.discarded, queue: "b", at: 6)
        try await seed.job(.succeeded, queue: "a", at: -5)  // before the first refresh: not counted
        let snapshot = await poller.refresh()
        #expect(snapshot.throughput.total == [2])
        #expect(snapshot.throughput.failedTotal == [1])
        #expect(snapshot.throughput.series(for: "a") == [1])
    }

    /// The failures query, the dearest on a large backlog, is read on its own sparse cadence, and at once on a full wake.
    @Test func failuresAreReadOnTheirOwnCadenceAndOnAFullWake() async throws {
        let seed = try await Seed.make()
        try await seed.job(.discarded, error: "Boom: x")
        // A 60 s interval puts every slow read at least a minute apart: two refreshes in a row cannot both read.
        let poller = MonitorPoller(connection: seed.db, interval: 60, clock: { Seed.now }, slowPaneShare: 0.05,
                                   failuresShare: 0.01)
        let first = await poller.refresh()
        #expect(first.failures.map(\.errorClass) == ["Boom"] && first.failuresTakenAt == Seed.now)
        try await seed.job(.discarded, error: "Crash: y")
        let second = await poller.refresh()
        #expect(second.failures.map(\.errorClass) == ["Boom"], "not re-read on a plain refresh")
        await poller.wake(full: true)
        let third = await poller.refresh()
        #expect(Set(third.failures.map(\.errorClass)) == ["Boom", "Crash"])
    }

    @Test func aLostConnectionIsReportedAndRecovered() async throws {
        let seed = try await Seed.make()
        let poller = MonitorPoller(connection: seed.db, interval: 1, clock: { Seed.now })
        await poller.refresh()
        let admin = try await PostgresConnection.connect(await seed.db.config)
        try await admin.query("SELECT pg_terminate_backend($1)", [await seed.db.backendPID])
        let failed = await poller.refresh()
        #expect(failed.refresh.error != nil)
        #expect(failed.refresh.interval == 2)
        let recovered = await poller.refresh()
        #expect(recovered.refresh.error == nil)
        await admin.close()
    }

    @Test func refreshPolicyBacksOffOnlyWhenQueriesAreSlow() {
        #expect(RefreshPolicy.nextDelay(interval: 1, queryTime: 0.05) == (1, false))
        #expect(RefreshPolicy.nextDelay(interval: 1, queryTime: 0.5) == (2, true))
        #expect(RefreshPolicy.nextDelay(interval: 2, queryTime: 0.4) == (2, false))
        #expect(RefreshPolicy.nextDelay(interval: 1, queryTime: 100) == (60, true))
        #expect(RefreshPolicy.failureDelay(interval: 1, failures: 1) == 2)
        #expect(RefreshPolicy.failureDelay(interval: 1, failures: 10) == 5)
        #expect(RefreshPolicy.failureDelay(interval: 10, failures: 3) == 10)
        #expect(RefreshPolicy.slowPaneDelay(interval: 1, queryTime: 0.05) == 5)
        #expect(RefreshPolicy.slowPaneDelay(interval: 10, queryTime: 0.05) == 10)
        #expect(RefreshPolicy.slowPaneDelay(interval: 1, queryTime: 0.5) == 10)  // never more than 5 % of the time
        #expect(RefreshPolicy.stepped(1, slower: true) == 2)
        #expect(RefreshPolicy.stepped(1, slower: false) == 0.5)
        #expect(RefreshPolicy.stepped(0.25, slower: false) == 0.25)
        #expect(RefreshPolicy.stepped(60, slower: true) == 60)
    }
}
