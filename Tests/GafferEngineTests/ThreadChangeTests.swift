import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Records its run in `slot_runs` (one row per job: a second run of a job fails on the key) with the
/// slot thread it ran on, its start and its end, and works for its milliseconds in between.
struct SlotRunJob: Job {
    static let className = "SlotRunJob"
    let millis: Int
    init(millis: Int) { self.millis = millis }
    init(arguments: JobArguments) throws { millis = try arguments.positional(0, as: Int.self) }
    var arguments: JobArguments { [.int(Int64(millis))] }

    func perform(_ context: JobContext) async throws {
        let thread = Self.threadName()
        let db = try await context.database()
        try await db.query("INSERT INTO slot_runs (job_id, thread) VALUES ($1, $2)", [context.jobID, thread])
        try await db.query("SELECT pg_sleep($1::float8 / 1000)", [millis])
        try await db.query("UPDATE slot_runs SET finished_at = clock_timestamp() WHERE job_id = $1", [context.jobID])
    }

    /// The OS name of the calling thread (a slot's is `gaffer-<pool>-<slot>`), from Linux's `/proc/thread-self`.
    static func threadName() -> String {
        let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
        return name.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A pool's thread count changed up and down while the worker drains: nothing lost, nothing run twice,
/// no running job interrupted, and the process row shows each new count.
@Suite("changing a pool's thread count while it runs", .serialized)
struct ThreadChangeTests {
    static let total = TestRun.size(local: 3_000, ci: 1_000)
    /// The counts the pool goes through, from 5, each after another share of the jobs has finished.
    static let counts = [12, 3, 1, 8, 2, 6]

    static func database() async throws -> (ConnectionConfig, PostgresConnection) {
        let (config, db) = try await EngineFixture.database()
        try await db.execute("""
            CREATE TABLE slot_runs (job_id uuid PRIMARY KEY, thread text NOT NULL,
                                    started_at timestamptz NOT NULL DEFAULT clock_timestamp(), finished_at timestamptz)
            """)
        return (config, db)
    }

    /// The first pool's `max_threads` in the process row, as GoodJob's dashboard reads it.
    static func rowThreads(_ db: PostgresConnection, _ id: UUID) async throws -> Int? {
        try await db.query("SELECT (state->'schedulers'->0->>'max_threads')::int AS n FROM good_job_processes WHERE id = $1",
                           [id]).first?.decode("n", as: Int?.self)
    }

    static func finished(_ db: PostgresConnection) async throws -> Int {
        try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL")
    }

    @Test func everyJobRunsExactlyOnceWhileTheCountGoesUpAndDown() async throws {
        let (config, db) = try await Self.database()
        let client = GafferClient(connection: db)
        for chunk in stride(from: 0, to: Self.total, by: 2_000) {
            try await client.enqueueAll((chunk..<min(chunk + 2_000, Self.total)).map { SlotRunJob(millis: $0 % 10 + 3) })
        }
        let worker = EngineFixture.worker(config, [SlotRunJob.self], threads: 5)
        try await worker.start()
        var from = 5
        for (step, count) in Self.counts.enumerated() {
            let share = Self.total * (step + 1) / (Self.counts.count + 1)
            try await TestWait.until("\(share) jobs finished before going to \(count) threads", timeout: 120) {
                try await Self.finished(db) >= share
            }
            let change = try await worker.setThreads(pool: 0, to: count)
            #expect(change == ThreadChange(pool: 0, queues: "*", from: from, to: count))
            #expect(try await Self.rowThreads(db, worker.processID) == count, "the process row after going to \(count)")
            from = count
        }
        try await TestWait.until("all \(Self.total) jobs finished", timeout: 300, every: 0.1) {
            try await Self.finished(db) == Self.total
        }
        // The slots that were busy at the last shrink have gone now that their jobs have ended.
        try await TestWait.until("the pool down to its last count of slots") {
            let slots = await worker.snapshot().pools[0].slots
            return slots.count == Self.counts.last && !slots.contains(where: \.retiring)
        }
        await worker.stop()

        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM slot_runs WHERE finished_at IS NOT NULL") == Self.total)
        #expect(try await EngineFixture.count(db, """
            SELECT count(*) FROM good_jobs
            WHERE finished_at IS NULL OR error IS NOT NULL OR executions_count <> 1 OR locked_by_id IS NOT NULL
            """) == 0)
        // One attempt per job, none interrupted or failed.
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions WHERE error IS NULL") == Self.total)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions") == Self.total)
        // A slot runs one job at a time: no run starts on a thread before the one before it there ended.
        let overlaps = try await db.query("""
            SELECT thread, job_id::text AS id FROM (
              SELECT thread, job_id, started_at, lag(finished_at) OVER (PARTITION BY thread ORDER BY started_at) AS before
              FROM slot_runs) r
            WHERE started_at < before LIMIT 5
            """)
        #expect(overlaps.isEmpty, "runs overlapping on one slot: \(overlaps.map { "\($0["thread"] ?? "") \($0["id"] ?? "")" })")
        // Every run was on a slot thread; slots beyond the first five (added by growing) took jobs, and no
        // slot beyond the twelve the pool ever had did.
        let slots = try await db.query("SELECT DISTINCT substr(thread, 10)::int AS slot FROM slot_runs WHERE thread LIKE 'gaffer-0-%'")
            .map { try $0.decode("slot", as: Int.self) }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM slot_runs WHERE thread NOT LIKE 'gaffer-0-%'") == 0)
        #expect(slots.contains { $0 >= 5 } && slots.allSatisfy { $0 < 12 }, "slots that ran jobs: \(slots.sorted())")
    }

    @Test func aShrunkPoolRetiresBusySlotsOnlyOnceTheirJobsEnd() async throws {
        let (config, db) = try await Self.database()
        let client = GafferClient(connection: db)
        try await client.enqueueAll((0..<3).map { _ in GatedJob() })
        let worker = EngineFixture.worker(config, [GatedJob.self], threads: 3)
        try await worker.start()
        try await TestWait.until("three gated jobs running") {
            try await EngineFixture.count(db, "SELECT count(*) FROM body_runs") == 3
        }
        try await worker.setThreads(pool: 0, to: 1)
        #expect(try await Self.rowThreads(db, worker.processID) == 1)
        // All three go on; two of their slots are marked to go.
        try await TestWait.until("two slots retiring, three busy") {
            let pool = await worker.snapshot().pools[0]
            return pool.maxThreads == 1 && pool.slots.count == 3 && pool.slots.filter(\.retiring).count == 2
                && pool.slots.allSatisfy { $0.job != nil }
        }
        // A job enqueued now waits for the one slot left.
        let waiting = try #require(try await client.enqueue(GatedJob()))
        try await db.query("INSERT INTO gates (job_id) SELECT id FROM good_jobs WHERE id <> $1", [waiting])
        try await TestWait.until("the first three jobs finished and their extra slots gone") {
            let slots = await worker.snapshot().pools[0].slots
            return try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 3
                && slots.count == 1 && !slots.contains(where: \.retiring)
        }
        try await TestWait.until("the waiting job running on the one slot") {
            try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [waiting]) == 1
        }
        // Growing again: new slots, at once, shown in the row.
        try await worker.setThreads(pool: 0, to: 4)
        #expect(try await Self.rowThreads(db, worker.processID) == 4)
        try await TestWait.until("four slots") { await worker.snapshot().pools[0].slots.count == 4 }
        try await db.query("INSERT INTO gates (job_id) VALUES ($1)", [waiting])
        try await TestWait.until("every job finished") {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 4
        }
        await worker.stop()
        #expect(try await EngineFixture.count(db, """
            SELECT count(*) FROM good_jobs WHERE error IS NOT NULL OR executions_count <> 1
            """) == 0)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs") == 4)
    }

    @Test func countsOutsideTheBoundsAreRefusedWithTheRange() async throws {
        let (config, _) = try await Self.database()
        let worker = EngineFixture.worker(config, [SlotRunJob.self], queues: "a:1;b:2")
        try await worker.start()
        await #expect(throws: ThreadChangeError(.belowMinimum, pool: 0, queues: "a", threads: 1, requested: 0)) {
            try await worker.changeThreads(pool: 0, by: -1)
        }
        await #expect(throws: ThreadChangeError(.aboveMaximum, pool: 1, queues: "b", threads: 2, requested: 1001)) {
            try await worker.setThreads(pool: 1, to: 1001)
        }
        await #expect(throws: ThreadChangeError(.noSuchPool(pools: 2), pool: 2, requested: 1)) {
            try await worker.changeThreads(pool: 2, by: 1)
        }
        #expect(try await worker.changeThreads(pool: 1, by: 1) == ThreadChange(pool: 1, queues: "b", from: 2, to: 3))
        await worker.stop()
        await #expect(throws: ThreadChangeError(.stopping, pool: 1, queues: "b", threads: 3, requested: 4)) {
            try await worker.changeThreads(pool: 1, by: 1)
        }
    }
}
