import Foundation
import GafferEngine
import GafferOps
import GafferStore
import GafferTestSupport
import Postgres

/// A migrated test database with the test jobs' tables, a worker, and its probe server.
enum OpsFixture {
    static func database() async throws -> (ConnectionConfig, PostgresConnection) {
        let config = try await TestServer.freshDatabase("ops")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        try await db.execute("""
            CREATE TABLE side_effects (job_id uuid PRIMARY KEY, n integer);
            CREATE TABLE body_runs (job_id uuid, attempt integer, pid integer, at timestamptz DEFAULT clock_timestamp());
            CREATE TABLE gates (job_id uuid PRIMARY KEY);
            """)
        return (config, db)
    }

    static func worker(_ config: ConnectionConfig, _ types: [any Job.Type], threads: Int = 5) -> Worker {
        var configuration = WorkerConfiguration()
        configuration.maxThreads = threads
        configuration.pollInterval = 1
        configuration.shutdownTimeout = 60
        return Worker(registry: JobRegistry(types), database: config, configuration: configuration)
    }

    /// The probe server `gaffer start --probe-port` runs, on a free loopback port.
    static func probe(for worker: Worker) throws -> ProbeServer {
        let health = worker.health
        return try ProbeServer(host: "127.0.0.1", port: 0) { path, respond in
            respond(HealthRoutes.response(path: path, health: health.current) ?? HealthRoutes.notFound)
        }
    }

    static func count(_ db: PostgresConnection, _ sql: String, _ params: [any PostgresEncodable] = []) async throws -> Int {
        try await db.query(sql, params).first?.decode(0, as: Int.self) ?? 0
    }
}
