import Foundation
import GafferMonitor
import GafferMonitorModel
@testable import GafferStore
import Postgres
import Testing

/// Queue counts above the exact-count cap: estimated from a sample, and marked so.
@Suite struct QueueEstimateTests {
    /// Two queues in every state, one running job claimed by a process.
    static func mixed(_ seed: Seed) async throws {
        try await seed.job(.queued, at: -120)
        try await seed.job(.queued, at: -30)
        try await seed.job(.scheduled, at: 600)
        try await seed.job(.retried, at: 300, executions: 1)
        try await seed.job(.retried, at: 400, executions: 2)
        try await seed.job(.running, lockedBy: UUID())
        try await seed.job(.discarded)
        try await seed.job(.succeeded)
        try await seed.job(.queued, queue: "mailers", at: -10)
    }

    @Test func countsAreExactUpToTheCapAndEstimatedAboveIt() async throws {
        let seed = try await Seed.make()
        try await Self.mixed(seed)  // 7 unfinished rows
        let exact = try await MonitorQueries.queueCounts(seed.db, now: seed.now, cap: 7)
        #expect(exact.allSatisfy { !$0.isEstimate })
        #expect(exact == (try await MonitorQueries.queueStats(seed.db, now: seed.now)))
        let estimated = try await MonitorQueries.queueCounts(seed.db, now: seed.now, cap: 6)
        #expect(estimated.count == 2 && estimated.allSatisfy(\.isEstimate))
    }

    /// A sample that holds every unfinished row estimates exactly what the exact query counts.
    @Test func aWholeSampleEstimatesTheExactCounts() async throws {
        let seed = try await Seed.make()
        try await Self.mixed(seed)
        let exact = try await MonitorQueries.queueStats(seed.db, now: seed.now)
        for start in [UUID(), UUID(uuid: (0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0))] {
            let estimated = MonitorQueries.merging(
                discarded: try await MonitorQueries.discardedCounts(seed.db),
                into: try await MonitorQueries.estimatedQueueStats(seed.db, now: seed.now, sample: 100, start: start))
            #expect(estimated.map { var q = $0; q.isEstimate = false; return q } == exact)
        }
    }

    /// 40 queued jobs spread evenly over the id space; a sample of 10 spans a quarter of it.
    @Test func aPartialSampleScalesByTheIDSpaceItSpans() async throws {
        let seed = try await Seed.make()
        for n in 0..<40 {
            let id = try await seed.job(.queued, queue: n % 2 == 0 ? "even" : "odd")
            let position = UInt64(n) * (UInt64.max / 40) + 1000
            try await seed.db.query("UPDATE good_jobs SET id = $2, active_job_id = $2 WHERE id = $1",
                                    [id, Self.uuid(at: position)])
        }
        let stats = try await MonitorQueries.estimatedQueueStats(seed.db, now: seed.now, sample: 10,
                                                                 start: Self.uuid(at: 0))
        // The 10th row sits at 9/40 of the space: each sampled row stands for 40/9 rows.
        #expect(stats.map(\.name) == ["even", "odd"])
        #expect(stats.map(\.queued) == [22, 22])
        #expect(stats.allSatisfy { $0.isEstimate && $0.oldestReadyAt == seed.now.addingTimeInterval(-60) })
    }

    /// The poller estimates above the cap (one row more than it) and counts exactly when asked.
    @Test func thePollerEstimatesAboveTheCapAndCountsExactlyOnDemand() async throws {
        let seed = try await Seed.make()
        let claimed = try await seed.job(.running, lockedBy: UUID())
        try await seed.job(.running, at: -30)  // interrupted, its process cleaned up: only exact mode lists it
        try await seed.bulkQueued(MonitorLimits.exactCountCap - 1)
        let poller = MonitorPoller(connection: seed.db, clock: { Seed.now })
        let estimated = await poller.refresh()
        #expect(estimated.refresh.error == nil)
        #expect(estimated.queues.map(\.name) == ["bulk", "default"] && estimated.queues.allSatisfy(\.isEstimate))
        #expect(estimated.running.map(\.id) == [claimed])
        await poller.setExactCounts(true)
        let exact = await poller.refresh()
        #expect(exact.queues.map(\.queued) == [MonitorLimits.exactCountCap - 1, 0])
        #expect(exact.queues.allSatisfy { !$0.isEstimate } && exact.running.count == 2)
    }

    @Test func idSpaceScaleIsTheInverseShareOfTheSpan() {
        #expect(IDSpace.scale(from: Self.uuid(at: 0), to: Self.uuid(at: 1 << 62)) == 4)
        // Wrapping past the end of the space.
        #expect(IDSpace.scale(from: Self.uuid(at: 3 << 62), to: Self.uuid(at: 1 << 62)) == 2)
    }

    static func uuid(at position: UInt64) -> UUID {
        var bytes = [UInt8](repeating: 0x11, count: 16)
        for index in 0..<8 { bytes[index] = UInt8(truncatingIfNeeded: position >> (56 - 8 * index)) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
