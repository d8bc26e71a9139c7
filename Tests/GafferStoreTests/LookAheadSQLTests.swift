import Foundation
import GafferStore
import Postgres
import Testing

/// The claim's look-ahead: the next future `scheduled_at` of our classes, reading a bounded number of rows.
@Suite("the look-ahead for scheduled jobs")
struct LookAheadSQLTests {
    let t0 = JobLifecycleSQLTests.t0

    func enqueue(_ db: PostgresConnection, _ cls: String, seconds: ClosedRange<Int>) async throws {
        let rows = seconds.map { JobLifecycleSQLTests.row(cls, at: t0.addingTimeInterval(Double($0))) }
        _ = try await EnqueueSQL.enqueue(db, rows, now: t0)
    }

    @Test func ourEarliestFutureRowAmongOthers() async throws {
        let (db, _) = try await JobLifecycleSQLTests.migrated()
        try await enqueue(db, "RubyJob", seconds: 1...20)
        try await enqueue(db, "NoopJob", seconds: 30...31)
        try await enqueue(db, "NoopJob", seconds: -5 ... -5)  // ready now: not a wake-up time
        #expect(try await ClaimSQL.nextScheduledAt(db, now: t0, jobClasses: ["NoopJob"]) == t0.addingTimeInterval(30))
        #expect(try await ClaimSQL.nextScheduledAt(db, now: t0, jobClasses: ["OtherJob"]) == nil)
    }

    @Test func manyOtherRowsFirstGiveTheLastReadTimeToLookAgain() async throws {
        let (db, _) = try await JobLifecycleSQLTests.migrated()
        try await enqueue(db, "RubyJob", seconds: 1...150)
        try await enqueue(db, "NoopJob", seconds: 500...500)
        // The first 100 future rows are Ruby's: wake at the 100th and look again from there.
        #expect(try await ClaimSQL.nextScheduledAt(db, now: t0, jobClasses: ["NoopJob"]) == t0.addingTimeInterval(100))
        #expect(try await ClaimSQL.nextScheduledAt(db, now: t0.addingTimeInterval(100), jobClasses: ["NoopJob"])
                == t0.addingTimeInterval(500))
    }
}
