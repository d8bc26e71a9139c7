import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Logging
import Postgres

enum EngineFixture {
    /// A fresh migrated database with the tables the test jobs write.
    static func database() async throws -> (ConnectionConfig, PostgresConnection) {
        let config = try await TestServer.freshDatabase("engine")
        let db = try await PostgresConnection.connect(config)
        try await prepare(db)
        return (config, db)
    }

    /// Migrates `db` and creates the tables the test jobs write.
    static func prepare(_ db: PostgresConnection) async throws {
        try await Migrator.migrate(db)
        try await db.execute("""
            CREATE TABLE side_effects (job_id uuid PRIMARY KEY, n integer);
            CREATE TABLE received (job_id uuid PRIMARY KEY, publication_id integer, force boolean);
            CREATE TABLE started (job_id uuid, attempt integer, at timestamptz DEFAULT clock_timestamp());
            CREATE TABLE body_runs (job_id uuid, attempt integer, pid integer, at timestamptz DEFAULT clock_timestamp());
            CREATE TABLE gates (job_id uuid PRIMARY KEY);
            """)
    }

    static func worker(_ config: ConnectionConfig, _ types: [any Job.Type], queues: String = "*", threads: Int = 5,
                       shutdownTimeout: Double = 25, poll: Double = 1, logger: Logger = .silent) -> Worker {
        var configuration = WorkerConfiguration()
        configuration.queues = queues
        configuration.maxThreads = threads
        configuration.pollInterval = poll
        configuration.shutdownTimeout = shutdownTimeout
        return Worker(registry: JobRegistry(types), database: config, configuration: configuration, logger: logger)
    }

    static func count(_ db: PostgresConnection, _ sql: String, _ params: [any PostgresEncodable] = []) async throws -> Int {
        try await db.query(sql, params).first?.decode(0, as: Int.self) ?? 0
    }
}
