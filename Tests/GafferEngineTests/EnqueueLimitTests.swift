import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("enqueue-stage limits refuse the extra enqueue")
struct EnqueueLimitTests {
    @Test func totalLimitRefusesTheThirdJobOfAKey() async throws {
        let (_, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let first = try await client.enqueue(AccountSyncJob(account: 1))
        try await client.enqueue(AccountSyncJob(account: 1))
        await #expect {
            try await client.enqueue(AccountSyncJob(account: 1))
        } throws: { error in
            (error as? ConcurrencyLimitExceeded)?.description
                == #"cannot enqueue AccountSyncJob: concurrency key "account-1" already has 2 unfinished jobs (total_limit 2); enqueue later or raise the limit"#
        }
        // Another key has its own count; the key is stored as GoodJob stores it.
        try await client.enqueue(AccountSyncJob(account: 2))
        let keys = try await db.query("SELECT concurrency_key FROM good_jobs ORDER BY concurrency_key").map {
            try $0.decode("concurrency_key", as: String.self)
        }
        #expect(keys == ["account-1", "account-1", "account-2"])
        // A finished job no longer counts.
        try await db.query("UPDATE good_jobs SET finished_at = now() AT TIME ZONE 'UTC' WHERE id = $1", [first])
        try await client.enqueue(AccountSyncJob(account: 1))
        // A batch is admitted whole or not at all.
        await #expect(throws: ConcurrencyLimitExceeded.self) {
            try await client.enqueueAll([AccountSyncJob(account: 3), AccountSyncJob(account: 3), AccountSyncJob(account: 3)])
        }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE concurrency_key = 'account-3'") == 0)
    }

    @Test func concurrentEnqueuersNeverOvershootTheLimit() async throws {
        let (config, db) = try await EngineFixture.database()
        var connections: [PostgresConnection] = []
        for _ in 0..<8 { connections.append(try await PostgresConnection.connect(config)) }
        let admitted = await withTaskGroup(of: Bool.self) { group in
            for connection in connections {
                group.addTask { (try? await GafferClient(connection: connection).enqueue(AccountSyncJob(account: 9))) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(admitted == 2)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs") == 2)
    }

    @Test func enqueueLimitCountsOnlyJobsNobodyHolds() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let first = try #require(try await client.enqueue(WaitingLimitJob()))
        await #expect {
            try await client.enqueue(WaitingLimitJob())
        } throws: { error in
            (error as? ConcurrencyLimitExceeded)?.description
                == #"cannot enqueue WaitingLimitJob: concurrency key "WaitingLimitJob" already has 1 waiting job (enqueue_limit 1); enqueue later or raise the limit"#
        }
        // Claimed by a process (locked_by_id): it is running, not waiting.
        try await db.query("UPDATE good_jobs SET locked_by_id = gen_random_uuid(), performed_at = now() WHERE id = $1", [first])
        let second = try #require(try await client.enqueue(WaitingLimitJob()))
        await #expect(throws: ConcurrencyLimitExceeded.self) { try await client.enqueue(WaitingLimitJob()) }
        // Held only by a job advisory lock (a Ruby advisory-mode worker): not waiting either.
        let holder = try await PostgresConnection.connect(config)
        try await holder.query("SELECT pg_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint)", [second])
        try await client.enqueue(WaitingLimitJob())
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs") == 3)
    }

    @Test func enqueueThrottleCountsRowsCreatedInThePeriod() async throws {
        let (_, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        try await client.enqueue(EnqueueThrottledJob())
        try await client.enqueue(EnqueueThrottledJob())
        await #expect {
            try await client.enqueue(EnqueueThrottledJob())
        } throws: { error in
            (error as? ConcurrencyLimitExceeded)?.description
                == #"cannot enqueue EnqueueThrottledJob: concurrency key "EnqueueThrottledJob" already has 2 enqueued in the last 1m (enqueue_throttle [2, 1m]); enqueue later or raise the limit"#
        }
        // Finishing does not free a throttle; only time does.
        try await db.query("UPDATE good_jobs SET finished_at = now() AT TIME ZONE 'UTC'")
        await #expect(throws: ConcurrencyLimitExceeded.self) { try await client.enqueue(EnqueueThrottledJob()) }
        try await db.query("UPDATE good_jobs SET created_at = created_at - interval '61 seconds'")
        try await client.enqueue(EnqueueThrottledJob())
    }

    @Test func labelRuleCountsLabelledRowsOfAnyClassAndSparesUnlabelledJobs() async throws {
        let (_, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        // A Rails-only class carrying the label counts toward the rule.
        try await client.enqueue(className: "RubyTikTokJob", arguments: [], EnqueueOptions(labels: ["tiktok"]))
        await #expect {
            try await client.enqueue(TikTokPostJob())
        } throws: { error in
            (error as? ConcurrencyLimitExceeded)?.description
                == #"cannot enqueue TikTokPostJob: concurrency key "label:tiktok" already has 1 unfinished job (total_limit 1); enqueue later or raise the limit"#
        }
        // Enqueued without the label, the rule does not apply to it.
        try await client.enqueue(TikTokPostJob(), EnqueueOptions(labels: []))
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE job_class = 'TikTokPostJob'") == 1)
    }
}
