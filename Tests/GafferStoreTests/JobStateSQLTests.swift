import Foundation
import GafferCore
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// The store's per-row state and list predicates against `JobState.status`, the Swift reference.
@Suite("the store's job states match the Swift reference")
struct JobStateSQLTests {
    static let now = Date(timeIntervalSince1970: 1_784_548_800)
    static let past = now.addingTimeInterval(-60)
    static let future = now.addingTimeInterval(60)

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let row: JobStateFields
        let status: JobState
        var testDescription: String { name }
    }

    /// Row shapes and the badge GoodJob gives each.
    static let cases: [Case] = [
        Case(name: "enqueued for now", row: JobStateFields(createdAt: past, scheduledAt: past), status: .queued),
        Case(name: "due exactly now", row: JobStateFields(createdAt: past, scheduledAt: now), status: .queued),
        Case(name: "enqueued for later", row: JobStateFields(createdAt: past, scheduledAt: future), status: .scheduled),
        Case(name: "retried", row: JobStateFields(createdAt: past, scheduledAt: future, error: "E: x"), status: .retried),
        Case(name: "retry now due", row: JobStateFields(createdAt: past, scheduledAt: past, error: "E: x"), status: .queued),
        Case(name: "running", row: JobStateFields(createdAt: past, scheduledAt: past, performedAt: past), status: .running),
        Case(name: "running with a future scheduled_at",
             row: JobStateFields(createdAt: past, scheduledAt: future, performedAt: past), status: .running),
        Case(name: "succeeded", row: JobStateFields(createdAt: past, scheduledAt: past, performedAt: past, finishedAt: past),
             status: .succeeded),
        Case(name: "discarded",
             row: JobStateFields(createdAt: past, scheduledAt: past, performedAt: past, finishedAt: past, error: "E: x"),
             status: .discarded),
        Case(name: "blank error: succeeded badge",
             row: JobStateFields(createdAt: past, scheduledAt: past, finishedAt: past, error: " "), status: .succeeded),
        Case(name: "NULL scheduled_at, created in the past", row: JobStateFields(createdAt: past), status: .queued),
        Case(name: "NULL scheduled_at, created in the future (clock skew)", row: JobStateFields(createdAt: future),
             status: .scheduled),
    ]

    /// Where the SQL knowingly differs from the reference, and what it says instead.
    ///
    /// The SQL reads `error IS NOT NULL` (GoodJob's tab SQL, and what the partial indexes cover), not
    /// Ruby's `error.present?`; a list predicate needs a `scheduled_at` to call a job scheduled. The lists are
    /// GoodJob's scopes, and its `scheduled` scope ignores `performed_at`: a running job due later is in both.
    static let sqlDifferences: [String: (state: JobState, lists: [JobState])] = [
        "running with a future scheduled_at": (.running, [.scheduled, .running]),
        "blank error: succeeded badge": (.discarded, [.discarded]),
        "NULL scheduled_at, created in the future (clock skew)": (.scheduled, []),
    ]

    @Test func referenceStatusFromRowFields() {
        for testCase in Self.cases {
            #expect(JobState.status(of: testCase.row, now: Self.now) == testCase.status, "\(testCase.name)")
        }
    }

    @Test func sqlStateAndListsMatchTheReference() async throws {
        let db = try await TestServer.freshConnection("states")
        try await Migrator.migrate(db)
        for testCase in Self.cases {
            let row = testCase.row
            let id = UUID()
            // GoodJob's scheduled and retried scopes read `executions`: a retry has run at least twice.
            let params = row.error == nil ? #"{"executions": 0}"# : #"{"executions": 2}"#
            try await db.query("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, serialized_params, created_at, updated_at,
                                       scheduled_at, performed_at, finished_at, error, job_class)
                VALUES ($1, $1, 'default', $7::jsonb, $2, $2, $3, $4, $5, $6, 'StateJob')
                """, [id, row.createdAt, row.scheduledAt, row.performedAt, row.finishedAt, row.error, params])
            let expected = Self.sqlDifferences[testCase.name] ?? (testCase.status, [testCase.status])
            let detail = try await MonitorQueries.jobDetail(db, id: id, now: Self.now)
            #expect(detail?.state == expected.state, "\(testCase.name)")
            var lists: [JobState] = []
            for state in JobState.allCases {
                let page = try await MonitorQueries.jobs(db, scope: JobListScope(state: state), now: Self.now)
                if page.contains(where: { $0.id == id }) { lists.append(state) }
            }
            #expect(lists == expected.lists, "\(testCase.name)")
        }
    }
}
