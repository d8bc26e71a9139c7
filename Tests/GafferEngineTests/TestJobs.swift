import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres

/// Records each run in `side_effects` (job id is its primary key: a second run fails loudly).
struct RecordingJob: Job {
    static let className = "RecordingJob"
    let n: Int
    init(n: Int) { self.n = n }
    init(arguments: JobArguments) throws { n = try arguments.positional(0, as: Int.self) }
    var arguments: JobArguments { [.int(Int64(n))] }

    func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO side_effects (job_id, n) VALUES ($1, $2)", [context.jobID, n])
    }
}

/// Stores its decoded arguments, so a test can check what a Rails-written row delivered.
struct PublicationSyncJob: Job {
    static let className = "PublicationSyncJob"
    let publicationID: Int
    let force: Bool
    init(arguments: JobArguments) throws {
        publicationID = try arguments.positional(0, as: Int.self)
        force = (try? arguments.keyword("force", as: Bool.self)) ?? false
    }
    var arguments: JobArguments { JobArguments([.int(Int64(publicationID))], keywords: ["force": .bool(force)]) }

    func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO received (job_id, publication_id, force) VALUES ($1, $2, $3)",
                           [context.jobID, publicationID, force])
    }
}

/// Sleeps for its argument's seconds, cooperatively (cancellation ends it).
struct SleepJob: Job {
    static let className = "SleepJob"
    let seconds: Double
    init(seconds: Double) { self.seconds = seconds }
    init(arguments: JobArguments) throws { seconds = try arguments.positional(0, as: Double.self) }
    var arguments: JobArguments { [.double(seconds)] }

    func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO started (job_id, attempt) VALUES ($1, $2)", [context.jobID, context.attempt])
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
    }
}

enum EngineFixture {
    /// A fresh migrated database with the tables the test jobs write.
    static func database() async throws -> (ConnectionConfig, PostgresConnection) {
        let config = try await TestServer.freshDatabase("engine")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        try await db.execute("""
            CREATE TABLE side_effects (job_id uuid PRIMARY KEY, n integer);
            CREATE TABLE received (job_id uuid PRIMARY KEY, publication_id integer, force boolean);
            CREATE TABLE started (job_id uuid, attempt integer, at timestamptz DEFAULT clock_timestamp());
            """)
        return (config, db)
    }

    static func worker(_ config: ConnectionConfig, _ types: [any Job.Type], queues: String = "*", threads: Int = 5,
                       shutdownTimeout: Double = 25, poll: Double = 1) -> Worker {
        var configuration = WorkerConfiguration()
        configuration.queues = queues
        configuration.maxThreads = threads
        configuration.pollInterval = poll
        configuration.shutdownTimeout = shutdownTimeout
        return Worker(registry: JobRegistry(types), database: config, configuration: configuration)
    }

    static func count(_ db: PostgresConnection, _ sql: String, _ params: [any PostgresEncodable] = []) async throws -> Int {
        try await db.query(sql, params).first?.decode(0, as: Int.self) ?? 0
    }
}
