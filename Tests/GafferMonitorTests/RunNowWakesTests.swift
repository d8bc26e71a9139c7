import Foundation
import GafferMonitor
import GafferStore
import GafferTestSupport
import Postgres
import Synchronization
import Testing

/// Issue 14 item 3: `E` (run now) wakes workers as `retry` does: a `good_job` NOTIFY for listening
/// workers, and a direct poke for the co-hosted one.
@Suite struct RunNowWakesTests {
    @Test func runNowNotifiesAndPokesTheLocalWorker() async throws {
        let seed = try await Seed.make()
        let id = try await seed.job(.scheduled, queue: "mailers", at: 3600)
        let local = FakeLocalWorker()
        let listener = PostgresListener(config: await seed.db.config, channels: ["good_job"])
        listener.start()
        defer { listener.stop() }
        var events = listener.events.makeAsyncIterator()
        guard case .connected = await events.next() else { Issue.record("listener did not connect"); return }
        let actions = MonitorActions(connection: seed.db, local: local, clock: { Seed.now })
        let report = await actions.perform(.reschedule, ids: [id])
        #expect(report.summary == "rescheduled 1 job")
        guard case .notification(let note) = await events.next() else { Issue.record("no notification"); return }
        #expect(note.payload == #"{"queue_name":"mailers","scheduled_at":"2026-05-28T20:26:40.000Z"}"#)
        #expect(local.wakes.withLock { $0 } == 1)
    }

    @Test func aRefusedActionWakesNobody() async throws {
        let seed = try await Seed.make()
        let id = try await seed.job(.succeeded)
        let local = FakeLocalWorker()
        let report = await MonitorActions(connection: seed.db, local: local, clock: { Seed.now }).perform(.reschedule, ids: [id])
        #expect(report.done == 0)
        #expect(local.wakes.withLock { $0 } == 0)
    }
}
