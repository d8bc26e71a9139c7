import Testing
@testable import GafferEngine

@Suite("automatic clean-up runs when GoodJob's would")
struct PrunerScheduleTests {
    @Test func anIdleWorkerNeverCleans() {
        let every = CleanupSettings(intervalJobs: -1, intervalSeconds: -1)
        #expect(!PreservedJobsPruner.isDue(every, attemptsSince: 0, secondsSince: 10_000))
    }

    @Test func afterMoreThanIntervalJobsAttempts() {
        let settings = CleanupSettings(intervalJobs: 1000, intervalSeconds: nil)
        #expect(!PreservedJobsPruner.isDue(settings, attemptsSince: 1000, secondsSince: 10_000))
        #expect(PreservedJobsPruner.isDue(settings, attemptsSince: 1001, secondsSince: 0))
    }

    @Test func whenTheLastCleanupIsOlderThanIntervalSeconds() {
        let settings = CleanupSettings(intervalJobs: nil, intervalSeconds: 600)
        #expect(!PreservedJobsPruner.isDue(settings, attemptsSince: 1, secondsSince: 600))
        #expect(PreservedJobsPruner.isDue(settings, attemptsSince: 1, secondsSince: 601))
    }

    @Test func minusOneMeansAfterEveryJobAndNilMeansOff() {
        #expect(PreservedJobsPruner.isDue(CleanupSettings(intervalJobs: -1, intervalSeconds: nil), attemptsSince: 1, secondsSince: 0))
        #expect(PreservedJobsPruner.isDue(CleanupSettings(intervalJobs: nil, intervalSeconds: -1), attemptsSince: 1, secondsSince: 0))
        #expect(!PreservedJobsPruner.isDue(CleanupSettings(intervalJobs: nil, intervalSeconds: nil), attemptsSince: 5000,
                                           secondsSince: 1e9))
    }
}
