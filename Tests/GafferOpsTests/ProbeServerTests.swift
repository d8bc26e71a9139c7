import Foundation
import GafferEngine
import GafferOps
import GafferTestSupport
import Postgres
import Testing

@Suite("the health probe on a running worker")
struct ProbeServerTests {
    typealias Answer = ProbeClient.Response

    @Test func eachPathAcrossStartNotifierCutDrainAndStop() async throws {
        let (config, db) = try await OpsFixture.database()
        let worker = OpsFixture.worker(config, [GatedJob.self])
        let server = try OpsFixture.probe(for: worker)
        defer { server.stop() }
        func get(_ path: String) throws -> Answer { try ProbeClient.get(port: server.port, path) }

        // Up, not started.
        #expect(try get("/") == Answer(status: 200, body: "OK"))
        #expect(try get("/status") == Answer(status: 200, body: "OK"))
        #expect(try get("/status/started") == Answer(status: 503, body: "Not started"))
        #expect(try get("/status/connected") == Answer(status: 503, body: "Not connected"))
        #expect(try get("/metricz") == Answer(status: 404, body: "Not found"))

        try await worker.start()
        #expect(try get("/status/started") == Answer(status: 200, body: "Started"))
        try await TestWait.until("the notifier connected") { try get("/status/connected").status == 200 }
        #expect(try get("/status/connected") == Answer(status: 200, body: "Connected"))

        // Cut the notifier's session and keep it from coming back: connected fails, started holds.
        let admin = try await PostgresConnection.connect(try TestServer.baseConfig(), applicationName: "gaffer-tests")
        let name = try #require(config.databaseName)
        try await admin.execute("ALTER DATABASE \"\(name)\" ALLOW_CONNECTIONS false")
        try await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'GoodJob::Notifier'",
                              [name])
        try await TestWait.until("the notifier cut") { try get("/status/connected").status == 503 }
        #expect(try get("/status/connected") == Answer(status: 503, body: "Not connected"))
        #expect(try get("/status/started") == Answer(status: 200, body: "Started"))
        try await admin.execute("ALTER DATABASE \"\(name)\" ALLOW_CONNECTIONS true")
        try await TestWait.until("the notifier back") { try get("/status/connected").status == 200 }

        // Draining a running job: up, no longer started nor connected.
        let id = try #require(try await GafferClient(connection: db).enqueue(GatedJob()))
        try await TestWait.until("the gated job running") {
            try await OpsFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [id]) == 1
        }
        let stopping = Task { await worker.stop() }
        try await TestWait.until("the drain begun") { try get("/status/started").status == 503 }
        #expect(try get("/status") == Answer(status: 200, body: "OK"))
        #expect(try get("/status/started") == Answer(status: 503, body: "Not started"))
        #expect(try get("/status/connected") == Answer(status: 503, body: "Not connected"))
        try await db.query("INSERT INTO gates (job_id) VALUES ($1)", [id])
        await stopping.value
        #expect(try await OpsFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 1)
        #expect(try get("/status/started") == Answer(status: 503, body: "Not started"))

        // Closed: nothing listens any more.
        server.stop()
        #expect(throws: ProbeClient.Failure.self) { try get("/status") }
        await admin.close()
        await db.close()
    }
}
