import Foundation
import GafferMonitor
import GafferMonitorModel
@testable import GafferStore
import Postgres
import Testing

/// Retrying failures above the exact-count cap: read from a sample of the unfinished rows, scaled up, and marked.
@Suite struct FailureEstimateTests {
    /// Two retrying jobs of one group, one of another, a discarded one and two queued jobs: 5 unfinished rows.
    static func mixed(_ seed: Seed) async throws {
        try await seed.job(.retried, jobClass: "SyncJob", error: "Net::ReadTimeout: a", at: 30)
        try await seed.job(.retried, jobClass: "SyncJob", error: "Net::ReadTimeout: b", at: 7200)
        try await seed.job(.retried, jobClass: "MailJob", error: "KeyError: c", at: 60)
        try await seed.job(.discarded, jobClass: "MailJob", error: "KeyError: d", at: -60)
        try await seed.job(.queued)
        try await seed.job(.queued)
    }

    @Test func failuresAreExactUpToTheCapAndEstimatedAboveIt() async throws {
        let seed = try await Seed.make()
        try await Self.mixed(seed)
        for start in [UUID(), QueueEstimateTests.uuid(at: .max)] {
            let exact = try await MonitorQueries.failureGroups(seed.db, now: seed.now, cap: 5, sampleStart: start)
            #expect(exact.allSatisfy { !$0.isEstimate }, "\(exact)")
            #expect(exact.map { "\($0.kind.rawValue) \($0.errorClass) \($0.lastDay)" }
                    == ["retrying Net::ReadTimeout 2", "retrying KeyError 1", "discarded KeyError 1"], "\(exact)")
        }
        let estimated = try await MonitorQueries.failureGroups(seed.db, now: seed.now, cap: 4)
        #expect(estimated.filter { $0.kind == .retrying }.allSatisfy { $0.isEstimate }, "\(estimated)")
        #expect(estimated.filter { $0.kind == .discarded }.map(\.isEstimate) == [false], "\(estimated)")
    }

    /// 40 retrying jobs spread evenly over the id space, two error classes in turn; a sample of 10 spans 9/40 of it.
    @Test func aPartialSampleScalesByTheIDSpaceItSpans() async throws {
        let seed = try await Seed.make()
        for n in 0..<40 {
            let id = try await seed.job(.retried, error: n % 2 == 0 ? "EvenError: x" : "OddError: y", at: 600)
            try await seed.db.query("UPDATE good_jobs SET id = $2, active_job_id = $2 WHERE id = $1",
                                    [id, QueueEstimateTests.uuid(at: UInt64(n) * (UInt64.max / 40) + 1000)])
        }
        let groups = try await MonitorQueries.failureGroups(seed.db, now: seed.now, cap: 9,
                                                            sampleStart: QueueEstimateTests.uuid(at: 0))
        // 5 of each class sampled, each standing for 40/9 rows.
        #expect(groups.map(\.errorClass).sorted() == ["EvenError", "OddError"])
        #expect(groups.map(\.lastDay) == [22, 22] && groups.map(\.sampled) == [5, 5], "\(groups)")
        let exact = try await MonitorQueries.failureGroups(seed.db, now: seed.now, cap: 40)
        #expect(exact.map(\.lastDay) == [20, 20] && exact.allSatisfy { !$0.isEstimate }, "\(exact)")
    }

    /// The poller samples above the cap and counts every unfinished row once `#` asks for exact counts.
    @Test func thePollerSamplesAboveTheCapAndCountsExactlyOnDemand() async throws {
        let seed = try await Seed.make()
        try await seed.job(.retried, jobClass: "SyncJob", error: "Net::ReadTimeout: a", at: 30)
        try await seed.bulkQueued(MonitorLimits.exactCountCap)
        let poller = MonitorPoller(connection: seed.db, clock: { Seed.now })
        let sampled = await poller.refresh()
        #expect(sampled.refresh.error == nil)
        #expect(sampled.failures.count == 1 && sampled.failures.allSatisfy { $0.isEstimate }, "\(sampled.failures)")
        await poller.setExactCounts(true)
        let exact = await poller.refresh()
        #expect(exact.failures.map(\.lastDay) == [1] && !exact.failures[0].isEstimate, "\(exact.failures)")
    }
}
