import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferTestSupport
@testable import GafferUI
import Postgres
import TerminalKit
import Testing

/// `gaffer top --replica-url`'s wiring against a real standby made with `pg_basebackup`: the poller reads from
/// the standby (its statement log shows it), an action writes on the primary, and the lag reaches the header.
@Suite("the monitor reads from a streaming replica")
struct ReplicaTests {
    @Test func readsLandOnTheStandbyActionsOnThePrimaryAndTheLagShows() async throws {
        let pair = try await TestReplica()
        defer { pair.stop() }
        let setup = try await PostgresConnection.connect(pair.primaryConfig, applicationName: "gaffer-tests")
        try await Migrator.migrate(setup)
        let seed = Seed(db: setup)
        let discarded = try await seed.job(.discarded, queue: "mailers")
        try await seed.job(.queued, queue: "mailers")
        try await pair.waitForReplay()

        let reads = try await PostgresConnection.connect(pair.standbyConfig, applicationName: "gaffer-top")
        let primary = try await PostgresConnection.connect(pair.primaryConfig, applicationName: "gaffer-top")
        let poller = MonitorPoller(connection: reads, primary: primary, clock: { Seed.now })
        let actions = MonitorActions(connection: primary, clock: { Seed.now })

        var snapshot = await poller.refresh()
        #expect(snapshot.refresh.error == nil)
        let mailers = snapshot.queues.first { $0.name == "mailers" }
        #expect(mailers?.queued == 1 && mailers?.discarded == 1, "\(snapshot.queues)")
        #expect(snapshot.replica == ReplicaLag(isStandby: true, seconds: 0, bytes: 0))
        #expect(try await poller.jobs(JobListScope(state: .discarded)).map(\.id) == [discarded])

        // Every read the monitor sent is in the standby's log; the primary saw only the WAL position.
        let standbyReads = TestReplica.statements(of: pair.standby, application: "gaffer-top")
        #expect(standbyReads.filter { $0.contains("good_jobs") }.count >= 3, "\(standbyReads)")
        let primaryReads = TestReplica.statements(of: pair.primary, application: "gaffer-top")
        #expect(primaryReads.contains { $0.contains("pg_current_wal_lsn") }, "\(primaryReads)")
        #expect(!primaryReads.contains { $0.contains("good_") }, "\(primaryReads)")

        // The action goes to the primary, none of it to the standby.
        let report = await actions.perform(.retry, ids: [discarded])
        #expect(report.done == 1 && report.failure == nil, "\(report)")
        let actionStatements = TestReplica.statements(of: pair.primary, application: "gaffer-top").dropFirst(primaryReads.count)
        #expect(actionStatements.contains { $0.contains("UPDATE good_jobs") }, "\(actionStatements)")
        #expect(!TestReplica.statements(of: pair.standby, application: "gaffer-top").contains { $0.contains("UPDATE") })
        try await pair.waitForReplay()
        snapshot = await poller.refresh()
        #expect(snapshot.queues.first { $0.name == "mailers" }?.queued == 2, "the retry replayed: \(snapshot.queues)")

        // With replay paused, a write on the primary leaves the standby behind, and the header says by how much.
        let standbyAdmin = try await PostgresConnection.connect(pair.standby.config(), applicationName: "gaffer-tests")
        defer { Task { await standbyAdmin.close() } }
        try await standbyAdmin.execute("SELECT pg_wal_replay_pause()")
        try await seed.job(.queued, queue: "mailers")
        snapshot = await poller.refresh()
        let lag = try #require(snapshot.replica)
        #expect(lag.isStandby && lag.bytes > 0 && !lag.isCaughtUp, "\(lag)")
        #expect(snapshot.queues.first { $0.name == "mailers" }?.queued == 2, "the standby does not have the new job yet")
        let header = MonitorUI.render(snapshot, UIState(hasLocalWorker: false), width: 160, height: 40, now: Seed.now)
            .text().split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("replica \(Format.duration(lag.seconds))/\(Format.bytes(lag.bytes)) · "), "\(header)")

        try await standbyAdmin.execute("SELECT pg_wal_replay_resume()")
        try await pair.waitForReplay()
        snapshot = await poller.refresh()
        #expect(snapshot.replica?.isCaughtUp == true && snapshot.queues.first { $0.name == "mailers" }?.queued == 3)

        await reads.close()
        await primary.close()
        await setup.close()
    }
}
