import Foundation
import GafferMonitorModel
import GafferMonitor
import GafferStore
import GafferTestSupport
import GafferUI
import Postgres
import Testing

/// Issue 14 item 4: the filter narrows the database query (case-insensitively, qualifiers and
/// free text) and the list counts every match, so a match on the last page of 10,000 is reached.
@Suite struct FilterQueryTests {
    @Test func aMatchOnTheLastPageOfTenThousandIsFoundAndCounted() async throws {
        let seed = try await Seed.make()
        try await seed.db.execute("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class, labels)
            SELECT g, g, 'bulk', 0, jsonb_build_object('job_class', 'ImportJob', 'arguments', jsonb_build_array(i)),
                   timestamp '2026-05-28 20:00:00' - i * interval '1 second', now(), now(), 'ImportJob', ARRAY['routine']
            FROM (SELECT gen_random_uuid() AS g, i FROM generate_series(1, 10000) i) jobs
            """)
        // The newest due time: last in the queued list's oldest-first order, page 100 of 100.
        let urgent = UUID(uuidString: "6d6acc51-0000-4000-8000-000000000001")!
        try await seed.db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class, labels)
            VALUES ($1, $1, 'bulk', 0, '{"job_class": "ImportJob", "arguments": ["Acme Corp"]}',
                    timestamp '2026-05-28 20:10:00', now(), now(), 'ImportJob', ARRAY['Urgent'])
            """, [urgent])
        let base = JobListScope(state: .queued, queue: "bulk")
        #expect(try await MonitorQueries.countJobs(seed.db, scope: base, now: Seed.now) == 10_001)
        let firstPage = try await MonitorQueries.jobs(seed.db, scope: base, now: Seed.now, limit: 100)
        #expect(!firstPage.map(\.id).contains(urgent))
        for text in ["label:urgent", "label:URG", "acme", "6D6ACC", "class:importjob acme"] {
            let scope = Filter(text).narrowing(base)
            let found = try await MonitorQueries.jobs(seed.db, scope: scope, now: Seed.now, limit: 100)
            #expect(found.map(\.id) == [urgent], "\(text)")
            #expect(try await MonitorQueries.countJobs(seed.db, scope: scope, now: Seed.now) == 1, "\(text)")
        }
        let none = Filter("label:urgent queue:mail").narrowing(base)
        #expect(try await MonitorQueries.countJobs(seed.db, scope: none, now: Seed.now) == 0)
        // LIKE's wildcards are text: `%` finds nothing here.
        #expect(try await MonitorQueries.countJobs(seed.db, scope: Filter("%").narrowing(base), now: Seed.now) == 0)
    }
}

/// Issue 14 items 4, 8 and 13 at the query: `!` terms, a concurrency key and the last page are
/// all read from the whole table.
@Suite struct JobListQueryTests {
    /// 250 queued jobs of queue bulk, due one second apart, oldest first; every tenth labelled `Urgent`.
    static func bulk() async throws -> (Seed, [UUID]) {
        let seed = try await Seed.make()
        let rows = try await seed.db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class, labels)
            SELECT g, g, 'bulk', 0, jsonb_build_object('job_class', 'ImportJob', 'arguments', jsonb_build_array(i)),
                   timestamp '2026-05-28 20:00:00' + i * interval '1 second', now(), now(), 'ImportJob',
                   CASE WHEN i % 10 = 0 THEN ARRAY['Urgent'] ELSE ARRAY['routine'] END
            FROM (SELECT gen_random_uuid() AS g, i FROM generate_series(1, 250) i) jobs
            RETURNING id, scheduled_at
            """)
        let ids = try rows.map { (try $0.decode("scheduled_at", as: Date.self), try $0.decode("id", as: UUID.self)) }
            .sorted { $0.0 < $1.0 }.map(\.1)
        return (seed, ids)
    }

    @Test func negatedTermsExcludeRowsFromTheWholeTable() async throws {
        let (seed, ids) = try await Self.bulk()
        let base = JobListScope(state: .queued, queue: "bulk")
        for text in ["!label:routine", "!LABEL:ROUT", "!class:mail !routine"] {
            let scope = Filter(text).narrowing(base)
            #expect(try await MonitorQueries.countJobs(seed.db, scope: scope, now: Seed.now) == 25, "\(text)")
            let page = try await MonitorQueries.jobs(seed.db, scope: scope, now: Seed.now, limit: 100)
            #expect(page.map(\.id) == stride(from: 9, to: 250, by: 10).map { ids[$0] }, "\(text)")
        }
        // A free-text `!` term looks where free text does (labels and arguments included).
        #expect(try await MonitorQueries.countJobs(seed.db, scope: Filter("!urgent").narrowing(base), now: Seed.now) == 225)
        let none = Filter("label:urgent !label:urg").narrowing(base)
        #expect(try await MonitorQueries.countJobs(seed.db, scope: none, now: Seed.now) == 0)
    }

    /// Every positive term narrows, a second one on the same field too, as the screen's own matching does.
    @Test func twoTermsOnOneFieldMustBothMatch() async throws {
        let (seed, _) = try await Self.bulk()
        let base = JobListScope(state: .queued, queue: "bulk")
        for (text, expected) in [("class:import class:job", 250), ("class:import class:mail", 0),
                                 ("label:urg label:ENT", 25), ("label:urg label:rout", 0), ("queue:bu queue:lk", 250)] {
            let scope = Filter(text).narrowing(base)
            #expect(try await MonitorQueries.countJobs(seed.db, scope: scope, now: Seed.now) == expected, "\(text)")
        }
    }

    @Test func theLastPageIsReadFromTheOtherEnd() async throws {
        let (seed, ids) = try await Self.bulk()
        let scope = JobListScope(state: .queued, queue: "bulk")
        let last = try await MonitorQueries.jobs(seed.db, scope: scope, now: Seed.now, limit: 100, fromEnd: true)
        #expect(last.map(\.id) == Array(ids[150...]))
        let cursor = JobListCursor(sortAt: last[0].sortAt, id: last[0].id)
        let before = try await MonitorQueries.jobs(seed.db, scope: scope, now: Seed.now, after: cursor, limit: 100,
                                                   fromEnd: true)
        #expect(before.map(\.id) == Array(ids[50..<150]))
        // Newest-first lists (succeeded, discarded) end at their oldest row.
        try await seed.db.execute("UPDATE good_jobs SET performed_at = scheduled_at, finished_at = scheduled_at")
        let done = JobListScope(state: .succeeded, queue: "bulk")
        let oldest = try await MonitorQueries.jobs(seed.db, scope: done, now: Seed.now, limit: 100, fromEnd: true)
        #expect(oldest.map(\.id) == Array(ids[..<100].reversed()))
    }

    @Test func aConcurrencyKeyListsItsJobs() async throws {
        let seed = try await Seed.make()
        let running = try await seed.job(.running, concurrencyKey: "import-42")
        let waiting = try await seed.job(.queued, at: -30, concurrencyKey: "import-42")
        try await seed.job(.queued, concurrencyKey: "import-43")
        try await seed.job(.queued)
        let queued = JobListScope(state: .queued, concurrencyKey: "import-42")
        #expect(try await MonitorQueries.jobs(seed.db, scope: queued, now: Seed.now).map(\.id) == [waiting])
        #expect(try await MonitorQueries.countJobs(seed.db, scope: queued, now: Seed.now) == 1)
        let run = JobListScope(state: .running, concurrencyKey: "import-42")
        #expect(try await MonitorQueries.jobs(seed.db, scope: run, now: Seed.now).map(\.id) == [running])
    }
}
