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
