import Foundation
import GafferEngine
import GafferOps
import GafferTestSupport
import Postgres
import Testing

@Suite("the probe under garbage connections")
struct ProbeFloodTests {
    /// Jobs drained per run (fewer under CI).
    static let jobs = TestRun.size(local: 2_000, ci: 500)

    /// Drains the same job count with and without 200 garbage connections held open on the probe
    /// port, and prints both times (a measurement; the test asserts only that everything completes
    /// and that the probe still answers during the flood).
    @Test func twoHundredGarbageConnectionsDoNotStopTheDrainOrTheProbe() async throws {
        let quiet = try await drain(flood: false)
        let flooded = try await drain(flood: true)
        print("probe flood: drained \(Self.jobs) jobs in \(quiet.elapsed) without and \(flooded.elapsed) with 200 garbage connections (\(flooded.reopened) reopened after the server dropped them)")
    }

    private func drain(flood: Bool) async throws -> (elapsed: Duration, reopened: Int) {
        let (config, db) = try await OpsFixture.database()
        _ = try await GafferClient(connection: db).enqueueAll((0..<Self.jobs).map { RecordingJob(n: $0) })
        let worker = OpsFixture.worker(config, [RecordingJob.self])
        let server = try OpsFixture.probe(for: worker)
        let garbage = flood ? try GarbageFlood(port: server.port) : nil
        let clock = ContinuousClock()
        let started = clock.now
        try await worker.start()
        if flood {
            #expect(try ProbeClient.get(port: server.port, "/status/started") == .init(status: 200, body: "Started"))
        }
        try await TestWait.until("\(Self.jobs) jobs finished", timeout: 300, every: 0.05) {
            try await OpsFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == Self.jobs
        }
        let elapsed = clock.now - started
        if flood {
            #expect(try ProbeClient.get(port: server.port, "/status") == .init(status: 200, body: "OK"))
        }
        await worker.stop()
        garbage?.stop()
        server.stop()
        #expect(try await OpsFixture.count(db, "SELECT count(*) FROM side_effects") == Self.jobs)
        await db.close()
        return (elapsed, garbage?.reopenedCount ?? 0)
    }
}
