import Foundation
import Testing
@testable import GafferCore

@Suite struct JobStateTests {
    static let now = Date(timeIntervalSince1970: 1_784_548_800)
    static let past = now.addingTimeInterval(-60)
    static let future = now.addingTimeInterval(60)

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let row: JobStateFields
        let filters: [JobState]
        let status: JobState
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "enqueued for now",
             row: JobStateFields(createdAt: past, scheduledAt: past, serializedExecutions: 0),
             filters: [.queued], status: .queued),
        Case(name: "due exactly now",
             row: JobStateFields(createdAt: past, scheduledAt: now, serializedExecutions: 0),
             filters: [.queued], status: .queued),
        Case(name: "enqueued for later",
             row: JobStateFields(createdAt: past, scheduledAt: future, serializedExecutions: 0),
             filters: [.scheduled], status: .scheduled),
        Case(name: "retried once: scheduled tab, retried badge",
             row: JobStateFields(createdAt: past, scheduledAt: future, error: "E: x", serializedExecutions: 1),
             filters: [.scheduled], status: .retried),
        Case(name: "retried twice",
             row: JobStateFields(createdAt: past, scheduledAt: future, error: "E: x", serializedExecutions: 2),
             filters: [.retried], status: .retried),
        Case(name: "later again without an error",
             row: JobStateFields(createdAt: past, scheduledAt: future, serializedExecutions: 3),
             filters: [.retried], status: .scheduled),
        Case(name: "retry now due",
             row: JobStateFields(createdAt: past, scheduledAt: past, error: "E: x", serializedExecutions: 2),
             filters: [.queued], status: .queued),
        Case(name: "running",
             row: JobStateFields(createdAt: past, scheduledAt: past, performedAt: past, serializedExecutions: 0),
             filters: [.running], status: .running),
        Case(name: "running with a future scheduled_at",
             row: JobStateFields(createdAt: past, scheduledAt: future, performedAt: past, serializedExecutions: 0),
             filters: [.scheduled, .running], status: .running),
        Case(name: "succeeded",
             row: JobStateFields(createdAt: past, scheduledAt: past, performedAt: past, finishedAt: past, serializedExecutions: 0),
             filters: [.succeeded], status: .succeeded),
        Case(name: "discarded",
             row: JobStateFields(createdAt: past, scheduledAt: past, performedAt: past, finishedAt: past,
                                 error: "E: x", serializedExecutions: 0),
             filters: [.discarded], status: .discarded),
        Case(name: "blank error: discarded tab, succeeded badge",
             row: JobStateFields(createdAt: past, scheduledAt: past, finishedAt: past, error: " ", serializedExecutions: 0),
             filters: [.discarded], status: .succeeded),
        Case(name: "no executions key in the params",
             row: JobStateFields(createdAt: past, scheduledAt: future),
             filters: [], status: .scheduled),
        Case(name: "NULL scheduled_at, created in the past",
             row: JobStateFields(createdAt: past, serializedExecutions: 0),
             filters: [], status: .queued),
        Case(name: "NULL scheduled_at, created in the future (clock skew)",
             row: JobStateFields(createdAt: future, serializedExecutions: 0),
             filters: [], status: .scheduled),
    ]

    @Test(arguments: cases)
    func statesFromRowFields(testCase: Case) {
        #expect(JobState.filters(matching: testCase.row, now: Self.now) == testCase.filters)
        #expect(JobState.status(of: testCase.row, now: Self.now) == testCase.status)
    }

    @Test func lastStatusAtPrefersTheLatestStage() {
        let created = Self.past.addingTimeInterval(-10)
        #expect(JobStateFields(createdAt: created).lastStatusAt == created)
        #expect(JobStateFields(createdAt: created, scheduledAt: Self.future).lastStatusAt == Self.future)
        #expect(JobStateFields(createdAt: created, scheduledAt: Self.future, performedAt: Self.past).lastStatusAt == Self.past)
        #expect(JobStateFields(createdAt: created, performedAt: Self.past, finishedAt: Self.now).lastStatusAt == Self.now)
    }

    @Test func actionsOfferedPerState() {
        func offered(_ state: JobState) -> [JobAction] {
            JobAction.allCases.filter { $0.isAvailable(for: state) }
        }
        #expect(offered(.scheduled) == [.reschedule, .discard])
        #expect(offered(.retried) == [.reschedule, .discard])
        #expect(offered(.queued) == [.reschedule, .discard])
        #expect(offered(.running) == [.forceDiscard])
        #expect(offered(.succeeded) == [.destroy])
        #expect(offered(.discarded) == [.retry, .destroy])
    }
}
