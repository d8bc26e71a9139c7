import Foundation
import GafferMonitorModel
import GafferStore
import Postgres
import Testing

/// A job list's other orders (`>` created, `I` reversed) page through the whole table by keyset.
@Suite struct JobSortQueryTests {
    /// Every page of `scope`, two rows at a time, as the screen loads them.
    static func allPages(_ seed: Seed, _ scope: JobListScope) async throws -> [UUID] {
        var ids: [UUID] = []
        var cursor: JobListCursor?
        while true {
            let page = try await MonitorQueries.jobs(seed.db, scope: scope, now: seed.now, after: cursor, limit: 2)
            ids += page.map(\.id)
            guard page.count == 2, let last = page.last else { return ids }
            cursor = JobListCursor(sortAt: last.sortAt, id: last.id)
        }
    }

    @Test func createdAndReversedOrdersCoverEveryRowOnce() async throws {
        let seed = try await Seed.make("sort")
        // Finished 10, 20, … 50 s ago; created in the opposite order (the oldest finished was created last).
        var byFinished: [UUID] = []
        for n in 1...5 {
            let id = try await seed.job(.succeeded, at: Double(-10 * n))
            try await seed.db.query("UPDATE good_jobs SET created_at = $2 WHERE id = $1",
                                    [id, seed.now.addingTimeInterval(Double(-1000 + 100 * n))])
            byFinished.append(id)  // newest finished first
        }
        try await seed.job(.queued)  // another state: never listed
        var scope = JobListScope(state: .succeeded)
        #expect(try await Self.allPages(seed, scope) == byFinished)
        scope.reversed = true
        #expect(try await Self.allPages(seed, scope) == byFinished.reversed())
        scope.reversed = false
        scope.sortByCreated = true
        #expect(try await Self.allPages(seed, scope) == byFinished.reversed())  // newest created first
        scope.reversed = true
        #expect(try await Self.allPages(seed, scope) == byFinished)
        let count = try await MonitorQueries.countJobs(seed.db, scope: scope, now: seed.now)
        #expect(count == 5)
    }
}
