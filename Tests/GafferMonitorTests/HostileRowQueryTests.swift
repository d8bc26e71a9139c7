import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// The monitor's queries over hostile rows: every row listed, lists small, huge fields cut in the detail.
@Suite struct HostileRowQueryTests {
    /// A seeded database with ordinary jobs and one of each hostile row.
    struct Rows {
        let seed: Seed
        var malformed: [(name: String, id: UUID)] = []
        var nullQueue = UUID(), nullClass = UUID(), nullScheduled = UUID(), labelled = UUID()
        /// Discarded, error with escapes and 1 MB long; its attempt has a 1 MB error and a 1 MB backtrace.
        var evil = UUID()
        /// Discarded, a 1 MB error with no `": "` in it.
        var unseparated = UUID()

        static let evilError = "EvilError: \u{1b}[2J\u{1b}]0;pwned\u{07}" + String(repeating: "e", count: 1_000_000)

        static func make(ordinary: Int = 20) async throws -> Rows {
            var rows = Rows(seed: try await Seed.make("hostile"))
            try await rows.seed.ordinary(ordinary)
            try await rows.addHostile()
            return rows
        }

        mutating func addHostile() async throws {
            let db = seed.db, at = seed.now.addingTimeInterval(-60)
            for payload in HostileRows.malformed {
                malformed.append((payload.name, try await HostileRows.insert(db, params: payload.params, at: at)))
            }
            nullQueue = try await HostileRows.insert(db, params: HostileRows.params("[1]"), at: at, queue: nil)
            nullClass = try await HostileRows.insert(db, params: HostileRows.params("[2]"), at: at, jobClass: nil)
            nullScheduled = try await HostileRows.insert(db, params: HostileRows.params("[3]"), at: at, scheduled: false)
            labelled = try await HostileRows.insert(db, params: HostileRows.params("[4]"), at: at,
                                                    labels: (1...1000).map { "label-\($0)" })
            evil = try await HostileRows.insert(db, params: HostileRows.params("[5]"), at: at, error: Self.evilError,
                                                finishedAt: at)
            let backtrace = ["\u{1b}]2;pwned-too\u{07} app/jobs/evil_job.rb:1", String(repeating: "x", count: 600_000)]
                + (1...4000).map { "app/models/deep.rb:\($0):in `call_\($0)'" }
            try await HostileRows.attempt(db, of: evil, at: at, error: Self.evilError, backtrace: backtrace)
            unseparated = try await HostileRows.insert(db, params: HostileRows.params("[6]"), at: at,
                                                       error: String(repeating: "u", count: 1_000_000), finishedAt: at)
        }

        /// Every page of a list, following the cursor.
        func all(_ scope: JobListScope) async throws -> [JobSummary] {
            var jobs: [JobSummary] = []
            while true {
                let cursor = jobs.last.map { JobListCursor(sortAt: $0.sortAt, id: $0.id) }
                let page = try await MonitorQueries.jobs(seed.db, scope: scope, now: seed.now, after: cursor, limit: 50)
                jobs += page
                if page.count < 50 { return jobs }
            }
        }
    }

    @Test func everyHostileRowIsListedAndListsStaySmall() async throws {
        let rows = try await Rows.make()
        let queued = try await rows.all(JobListScope(state: .queued))
        let queuedIDs = Set(queued.map(\.id))
        for id in rows.malformed.map(\.id) + [rows.nullQueue, rows.nullClass, rows.nullScheduled, rows.labelled] {
            #expect(queuedIDs.contains(id))
        }
        // NULL queue and class read as "" and their (none) rows open lists that find them.
        #expect(try await rows.all(JobListScope(state: .queued, queue: "")).map(\.id) == [rows.nullQueue])
        #expect(try await rows.all(JobListScope(state: .queued, jobClass: "")).map(\.id) == [rows.nullClass])
        let stats = try await MonitorQueries.queueStats(rows.seed.db, now: rows.seed.now)
        #expect(stats.first { $0.name == "" }?.queued == 1)

        let labelled = try #require(queued.first { $0.id == rows.labelled })
        #expect(labelled.labels.count == JobSummary.labelLimit && labelled.labelCount == 1000)

        let discarded = try await rows.all(JobListScope(state: .discarded))
        #expect(Set(discarded.map(\.id)).isSuperset(of: [rows.evil, rows.unseparated]))
        #expect(discarded.allSatisfy { ($0.error?.count ?? 0) <= 300 })

        // A 1 MB error without a separator names its group by its first 200 characters, and the group opens.
        let groups = try await MonitorQueries.failureGroups(rows.seed.db, now: rows.seed.now)
        #expect(groups.allSatisfy { $0.errorClass.count <= 200 })
        let group = try #require(groups.first { $0.latestJobID == rows.unseparated })
        let members = try await rows.all(JobListScope(state: .discarded, jobClass: group.jobClass, errorClass: group.errorClass))
        #expect(members.map(\.id) == [rows.unseparated])
    }

    @Test func theDetailCutsHugeFieldsAndNamesABrokenPayload() async throws {
        let rows = try await Rows.make(ordinary: 0)
        let db = rows.seed.db, now = rows.seed.now
        let evil = try #require(try await MonitorQueries.jobDetail(db, id: rows.evil, now: now))
        #expect(evil.error?.count == JobDetail.errorLimit && evil.errorLength == Rows.evilError.count)
        #expect(evil.error?.hasPrefix("EvilError: \u{1b}[2J") == true)
        let attempt = try #require(evil.executions.first)
        #expect(attempt.error?.count == JobDetail.errorLimit && attempt.errorLength == Rows.evilError.count)
        #expect(attempt.backtrace.count == JobDetail.Execution.backtraceLineLimit && attempt.backtraceLineCount == 4002)
        #expect(attempt.backtrace.allSatisfy { $0.count <= 500 })

        let labelled = try #require(try await MonitorQueries.jobDetail(db, id: rows.labelled, now: now))
        #expect(labelled.labels.count == JobDetail.labelLimit && labelled.labelCount == 1000)

        let problems = Dictionary(uniqueKeysWithValues: try await rows.malformed.asyncMap { name, id in
            (name, try #require(try await MonitorQueries.jobDetail(db, id: id, now: now)))
        })
        #expect(problems["array"]?.payloadProblem == "serialized_params is an array, not an object: [1, 2]")
        #expect(problems["string"]?.payloadProblem == #"serialized_params is a string, not an object: "RecordingJob""#)
        #expect(problems["number"]?.payloadProblem == "serialized_params is a number, not an object: 42")
        #expect(problems["json null"]?.payloadProblem == "serialized_params is JSON null, not an object")
        #expect(problems["sql null"]?.payloadProblem == "serialized_params is NULL")
        #expect(problems["no arguments"]?.payloadProblem == #"serialized_params has no "arguments""#)
        #expect(problems["wrong type"]?.payloadProblem == nil && problems["wrong type"]?.arguments == #"["seven"]"#)
        let big = try #require(problems["ten megabytes"])
        #expect(big.arguments.count == JobDetail.argumentLimit && big.argumentsLength == 10_000_004)

        // NULL scheduled_at reads as queued (GoodJob's dashboard uses created_at) but no worker takes it.
        let unscheduled = try #require(try await MonitorQueries.jobDetail(db, id: rows.nullScheduled, now: now))
        #expect(unscheduled.state == .queued)
        #expect(Blocker.first(for: unscheduled, in: MonitorSnapshot(takenAt: now), now: now) == .noScheduledAt)
        let classless = try #require(try await MonitorQueries.jobDetail(db, id: rows.nullClass, now: now))
        #expect(Blocker.first(for: classless, in: MonitorSnapshot(takenAt: now), now: now) == .noJobClass)
    }

    /// Retry of payloads Active Job never wrote: not an object (jsonb_set failed), executions fractional or huge (::int failed).
    @Test(arguments: [("[1, 2]", "[1, 2]"), (#"{"executions": 1.5}"#, "2"),
                      (#"{"executions": 99999999999999999999}"#, "9223372036854775807")])
    func retryingAPayloadActiveJobNeverWroteRequeuesIt(params: String, shown: String) async throws {
        let seed = try await Seed.make("hostile")
        let at = seed.now.addingTimeInterval(-60)
        let id = try await HostileRows.insert(seed.db, params: params, at: at, error: "Gaffer::MalformedJobError: x",
                                              finishedAt: at)
        #expect(try await JobActions.perform(.retry, id: id, now: seed.now, on: seed.db) == .done)
        let row = try #require(try await seed.db.query("""
            SELECT finished_at, CASE WHEN jsonb_typeof(serialized_params) = 'object'
                                     THEN serialized_params->>'executions' ELSE serialized_params::text END AS shown
            FROM good_jobs WHERE id = $1
            """, [id]).first)
        #expect(row["finished_at"] == nil && row["shown"] == shown)
    }

    /// Refresh and list/detail query times with and without the hostile rows: printed, never asserted.
    @Test func refreshTimeWithAndWithoutHostileRows() async throws {
        var rows = Rows(seed: try await Seed.make("hostile"))
        try await rows.seed.ordinary(2000)
        try await rows.seed.db.execute("ANALYZE good_jobs; ANALYZE good_job_executions")
        let before = try await measure(rows)
        try await rows.addHostile()
        try await rows.seed.db.execute("ANALYZE good_jobs; ANALYZE good_job_executions")
        let after = try await measure(rows)
        let detail = try await median(5) { _ = try await MonitorQueries.jobDetail(rows.seed.db, id: rows.evil, now: rows.seed.now) }
        let big = try #require(rows.malformed.first { $0.name == "ten megabytes" }?.id)
        let bigDetail = try await median(5) { _ = try await MonitorQueries.jobDetail(rows.seed.db, id: big, now: rows.seed.now) }
        print("""
            hostile rows, monitor (median of 10 refreshes / 5 pages, 2,000 ordinary rows): \
            full refresh \(ms(before.refresh)) without, \(ms(after.refresh)) with; \
            queued page \(ms(before.page)) without, \(ms(after.page)) with; \
            discarded page \(ms(before.discarded)) without, \(ms(after.discarded)) with; \
            detail of the 1 MB error + backtrace \(ms(detail)), of the 10 MB payload \(ms(bigDetail))
            """)
    }

    func measure(_ rows: Rows) async throws -> (refresh: Double, page: Double, discarded: Double) {
        let poller = MonitorPoller(connection: rows.seed.db, interval: 1, clock: { Seed.now })
        var refreshes: [Double] = []
        for _ in 0..<3 { await poller.wake(full: true); await poller.refresh() }  // warm caches and plans first
        for _ in 0..<10 {
            await poller.wake(full: true)
            let snapshot = await poller.refresh()
            #expect(snapshot.refresh.error == nil)
            refreshes.append(snapshot.refresh.queryTime)
        }
        let page = try await median(5) { _ = try await poller.jobs(JobListScope(state: .queued)) }
        let discarded = try await median(5) { _ = try await poller.jobs(JobListScope(state: .discarded)) }
        return (refreshes.sorted()[refreshes.count / 2], page, discarded)
    }

    func median(_ runs: Int, _ body: () async throws -> Void) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try await body()
            let took = start.duration(to: .now).components
            times.append(Double(took.seconds) + Double(took.attoseconds) / 1e18)
        }
        return times.sorted()[runs / 2]
    }

    func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}

extension Seed {
    /// `count` ordinary jobs over two queues, mostly succeeded, some queued and discarded.
    func ordinary(_ count: Int) async throws {
        guard count > 0 else { return }
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, performed_at,
              finished_at, error, error_event, created_at, updated_at, job_class, executions_count)
            SELECT g, g, (ARRAY['default', 'mailers'])[1 + i % 2], 0,
                   jsonb_build_object('job_class', 'ExampleJob', 'arguments', jsonb_build_array(i), 'executions', 0),
                   t, CASE WHEN i % 10 > 1 THEN t END, CASE WHEN i % 10 > 1 THEN t END,
                   CASE WHEN i % 10 = 9 THEN 'Net::ReadTimeout: slow ' || i END, CASE WHEN i % 10 = 9 THEN 1 END,
                   t, t, 'ExampleJob', CASE WHEN i % 10 > 1 THEN 1 END
            FROM (SELECT gen_random_uuid() AS g, i, $1::timestamp - (i || ' seconds')::interval AS t
                  FROM generate_series(1, $2) i) s
            """, [now, count])
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
