import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("the limits pane reads each scope as GoodJob counts it")
struct LimiterStateTests {
    @Test func throttleWindowLeavesOutThrottledAttemptsAndCountsDeferrals() async throws {
        let (_, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let job = try #require(try await client.enqueue(ThrottledJob(n: 1)))
        try await client.enqueue(ThrottledJob(n: 2))
        let now = Date()
        // Attempts a Ruby worker recorded: one ran, one was throttled, one hit a concurrency limit.
        for (secondsAgo, error) in [(0.3, nil), (0.2, LimitSQL.throttleExceededError), (0.1, LimitSQL.concurrencyExceededError)] {
            try await db.query("""
                INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, error, error_event)
                VALUES (gen_random_uuid(), $1, $1, $2, 'ThrottledJob', 'default', $3, CASE WHEN $3::text IS NULL THEN NULL ELSE 3 END)
                """, [now.addingTimeInterval(-secondsAgo), job, error])
        }
        let states = try await Limiter(registry: JobRegistry([ThrottledJob.self])).states(db, now: now)
        let state = try #require(states.first)
        #expect(states.count == 1)
        #expect(state.key == "ThrottledJob")
        #expect(state.rule == "perform_throttle: [2, 1s]")
        // GoodJob leaves out only the throttle error: the limit-deferred attempt still counts as a start.
        #expect(state.windowCount == 2)
        #expect(state.windowLimit == 2)
        #expect(state.isThrottled)
        #expect(state.nextFree.map { abs($0.timeIntervalSince(now.addingTimeInterval(0.7))) < 0.001 } == true)
        #expect(state.recentDeferrals == 2)
        #expect(state.waiting == 2)
        #expect(state.inUse == 0)
    }

    @Test func labelAndComputedKeysAreListedPerScope() async throws {
        let (_, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        try await client.enqueue(AccountSyncJob(account: 7))
        try await client.enqueue(AccountSyncJob(account: 8))
        try await client.enqueue(TikTokPostJob())
        let states = try await Limiter(registry: JobRegistry([AccountSyncJob.self, TikTokPostJob.self])).states(db, now: Date())
        #expect(states.map(\.key) == ["account-7", "account-8", "label:tiktok"])
        #expect(states.map(\.rule) == ["total_limit: 2", "total_limit: 2", "label: tiktok, total_limit: 1"])
        #expect(states.map(\.limit) == [2, 2, 1])
        #expect(states.map(\.waiting) == [1, 1, 1])
    }
}
