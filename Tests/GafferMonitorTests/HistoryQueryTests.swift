import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import Postgres
import Testing

/// The history view's counts, from rows finished at known times around `Seed.now` (20:26:40 UTC).
@Suite struct HistoryQueryTests {
    @Test func finishedRowsLandInTheirMinuteAndTenMinuteBuckets() async throws {
        let seed = try await Seed.make("hist")
        try await seed.job(.succeeded, at: -10)               // 20:26:30, the current minute
        try await seed.job(.discarded, at: -30)               // 20:26:10, the current minute, failed
        try await seed.job(.succeeded, at: -50)               // 20:25:50, the minute before
        try await seed.job(.succeeded, queue: "mailers", at: -1800)  // 19:56:40
        try await seed.job(.succeeded, at: -3700)             // 19:25:00: before the hour, inside the day
        try await seed.job(.succeeded, at: -90_000)           // 25 h ago: outside both
        try await seed.job(.succeeded, at: 30)                // after now (clock skew): not counted
        try await seed.job(.queued, at: -20)                  // unfinished: not counted
        try await seed.job(.retried, at: 300)                 // a failed attempt to be retried: not finished

        let hour = try await MonitorQueries.history(seed.db, span: .hour, now: seed.now)
        #expect(hour.total.count == 60)
        #expect(hour.total[59] == JobHistory.Bucket(succeeded: 1, failed: 1))
        #expect(hour.total[58] == JobHistory.Bucket(succeeded: 1, failed: 0))
        #expect(hour.total[29] == JobHistory.Bucket(succeeded: 1, failed: 0))
        #expect(hour.total.reduce(0) { $0 + $1.finished } == 4)
        #expect(hour.perQueue["mailers"]?[29] == JobHistory.Bucket(succeeded: 1, failed: 0))
        #expect(hour.perQueue["default"]?.reduce(0) { $0 + $1.failed } == 1)
        #expect(hour.busiestQueues == ["default", "mailers"])
        // Buckets start on whole minutes; the last one holds now.
        #expect(hour.bucketStart(59) == Date(timeIntervalSince1970: 1_779_999_960))
        #expect(hour.bucketStart(0) == Date(timeIntervalSince1970: 1_779_996_420))

        let day = try await MonitorQueries.history(seed.db, span: .day, now: seed.now)
        #expect(day.total.count == 144)
        #expect(day.total.reduce(0) { $0 + $1.finished } == 5)
        #expect(day.total[143] == JobHistory.Bucket(succeeded: 2, failed: 1))
        #expect(day.total[137] == JobHistory.Bucket(succeeded: 1, failed: 0))
        #expect(day.bucketStart(143) == Date(timeIntervalSince1970: 1_779_999_600))
    }

    /// A poller that has never refreshed answers from the rows at once: no samples, no warm-up.
    @Test func aFreshPollerReadsHistoryWithoutWarmUp() async throws {
        let seed = try await Seed.make("histp")
        try await seed.job(.succeeded, queue: "mailers", at: -3000)
        try await seed.job(.discarded, at: -600)
        let poller = MonitorPoller(connection: seed.db, clock: { Seed.now })
        let history = try await poller.history(.hour)
        #expect(history.total.reduce(0) { $0 + $1.succeeded } == 1)
        #expect(history.total.reduce(0) { $0 + $1.failed } == 1)
        #expect(Set(history.perQueue.keys) == ["default", "mailers"])
    }
}
