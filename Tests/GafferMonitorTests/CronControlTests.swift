import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Issue 16, cron control from the screen: enable/disable written as GoodJob's dashboard writes
/// `good_job_settings`, enqueue-now refused for keys the app does not declare, a key's own job list.
@Suite struct CronControlTests {
    func lists(_ db: PostgresConnection) async throws -> (enabled: String?, disabled: String?) {
        let rows = try await db.query("""
            SELECT (SELECT value::text FROM good_job_settings WHERE key = 'cron_keys_enabled') AS enabled,
                   (SELECT value::text FROM good_job_settings WHERE key = 'cron_keys_disabled') AS disabled
            """)
        return (try rows[0].decode("enabled"), try rows[0].decode("disabled"))
    }

    @Test func disableThenEnableWritesBothListsAsTheDashboardDoes() async throws {
        let seed = try await Seed.make()
        let actions = MonitorActions(connection: seed.db, clock: { Seed.now })
        #expect(await actions.setCronEnabled("nightly", enabled: false).summary == "disabled cron key nightly")
        #expect(try await lists(seed.db) == (nil, #"["nightly"]"#))
        #expect(try await !CronSettingsSQL.read(seed.db).isEnabled("nightly", byDefault: true))
        #expect(try await MonitorQueries.settings(seed.db).cronKeysDisabled == ["nightly"])

        #expect(await actions.setCronEnabled("nightly", enabled: true).summary == "enabled cron key nightly")
        #expect(try await lists(seed.db) == (#"["nightly"]"#, "[]"))
        #expect(try await CronSettingsSQL.read(seed.db).isEnabled("nightly", byDefault: false))
        // Twice is once: the key is not listed again.
        _ = await actions.setCronEnabled("nightly", enabled: true)
        #expect(try await lists(seed.db) == (#"["nightly"]"#, "[]"))
        await seed.db.close()
    }

    @Test func readOnlyWritesNothingAndAnUndeclaredKeyIsNotEnqueued() async throws {
        let seed = try await Seed.make()
        let watching = MonitorActions(connection: seed.db, readOnly: true, clock: { Seed.now })
        #expect(await watching.setCronEnabled("nightly", enabled: false).summary == "read-only mode: nothing changed")
        #expect(await watching.enqueueCronNow("nightly").summary == "read-only mode: nothing changed")
        #expect(try await lists(seed.db) == (nil, nil))

        try await seed.job(.succeeded, jobClass: "RailsDigestJob", cronKey: "rails_digest", cronAt: Seed.now - 3600)
        let actions = MonitorActions(connection: seed.db, clock: { Seed.now })
        #expect(await actions.enqueueCronNow("rails_digest").summary
            == "cron key rails_digest is not declared by this app; enqueue it from the app that declares it")
        #expect(try await seed.db.query("SELECT count(*) AS n FROM good_jobs").first!.decode("n", as: Int.self) == 1)
        await seed.db.close()
    }

    @Test func aCronKeysListHoldsOnlyItsJobs() async throws {
        let seed = try await Seed.make()
        let mine = [try await seed.job(.succeeded, at: -86_000, cronKey: "nightly", cronAt: Seed.now - 86_400),
                    try await seed.job(.succeeded, at: -3000, cronKey: "nightly", cronAt: Seed.now - 3600)]
        try await seed.job(.succeeded, at: -3500, cronKey: "hourly", cronAt: Seed.now - 3600)
        try await seed.job(.succeeded, at: -100)
        try await seed.job(.discarded, at: -7000, cronKey: "nightly", cronAt: Seed.now - 7200)
        let scope = JobListScope(state: .succeeded, cronKey: "nightly")
        let page = try await MonitorQueries.jobs(seed.db, scope: scope, now: Seed.now)
        #expect(page.map(\.id) == mine.reversed())
        #expect(try await MonitorQueries.countJobs(seed.db, scope: scope, now: Seed.now) == 2)
        // The screen opens a key's list by its newest job's badge: a first retry shows there, as in the pane.
        let retrying = try await seed.job(.retried, cronKey: "nightly", cronAt: Seed.now - 600)
        let byBadge = JobListScope(state: .retried, cronKey: "nightly", byBadge: true)
        #expect(try await MonitorQueries.jobs(seed.db, scope: byBadge, now: Seed.now).map(\.id) == [retrying])
        #expect(try await CronKeyLookup.isSeen(seed.db, key: "hourly"))
        #expect(try await !CronKeyLookup.isSeen(seed.db, key: "weekly"))
        _ = await MonitorActions(connection: seed.db).setCronEnabled("weekly", enabled: false)
        #expect(try await CronKeyLookup.isSeen(seed.db, key: "weekly"))
        await seed.db.close()
    }
}
