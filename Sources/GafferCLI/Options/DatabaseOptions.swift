import ArgumentParser
import Foundation
import GafferStore
import Postgres

/// Which database a command uses: `--database-url`, else `DATABASE_URL`, else libpq's `PGHOST`,
/// `PGDATABASE` or `PGSERVICE` when set, else the embedded default database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"),
            help: "PostgreSQL URL or connection string (default: $DATABASE_URL, then PG* variables, then the embedded database).")
    var databaseURL: String?

    static let embeddedDatabaseName = "gaffer"

    /// A resolved database; `embedded` is set when this command started the embedded server.
    struct Resolved: Sendable {
        let config: ConnectionConfig
        let startedServer: EmbeddedPostgres?
        /// The embedded default database was chosen (nothing named another).
        var embedded = false

        /// Stops the embedded server if this command started it.
        func finish() {
            try? startedServer?.stop()
        }
    }

    /// Resolves the database, starting the embedded server when it is the choice and not running.
    func resolve() throws -> Resolved {
        let env = ProcessInfo.processInfo.environment
        if let url = databaseURL ?? env["DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return Resolved(config: try ConnectionConfig(url), startedServer: nil)
        }
        if ["PGHOST", "PGDATABASE", "PGSERVICE"].contains(where: { !(env[$0] ?? "").isEmpty }) {
            return Resolved(config: try ConnectionConfig(""), startedServer: nil)
        }
        for name in MisspeltVariable.suspects(in: env) {
            Terminal.note("\(name) is set but not read: did you mean DATABASE_URL? (using the embedded database instead)")
        }
        let (server, started) = try Self.startEmbedded()
        Terminal.note("using the embedded PostgreSQL in \(server.dataDirectory) (database \"\(Self.embeddedDatabaseName)\")")
        return Resolved(config: server.config(database: Self.embeddedDatabaseName), startedServer: started ? server : nil,
                        embedded: true)
    }

    /// Starts (if needed) the embedded server and makes sure its `gaffer` database exists.
    static func startEmbedded() throws -> (EmbeddedPostgres, started: Bool) {
        let server = try EmbeddedPostgres(directory: GafferHome.postgresDirectory, port: 5432)
        let started = try server.start()
        return (server, started)
    }

    /// Creates the embedded `gaffer` database when missing.
    static func ensureEmbeddedDatabase(_ server: EmbeddedPostgres) async throws {
        let admin = try await PostgresConnection.connect(server.config(), applicationName: "gaffer")
        do {
            try await DatabaseCreation.createIfMissing(embeddedDatabaseName, on: admin)
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }

    /// Resolves and connects; with the embedded server, also creates its database on first use.
    func connect(applicationName: String = "gaffer") async throws -> (PostgresConnection, Resolved) {
        let resolved = try resolve()
        if resolved.config.databaseName == Self.embeddedDatabaseName, databaseURL == nil,
           let server = try? EmbeddedPostgres(directory: GafferHome.postgresDirectory), server.isRunning,
           ProcessInfo.processInfo.environment["DATABASE_URL"] == nil {
            try await Self.ensureEmbeddedDatabase(server)
        }
        do {
            return (try await PostgresConnection.connect(resolved.config, applicationName: applicationName), resolved)
        } catch {
            resolved.finish()
            throw error
        }
    }
}

extension DatabaseOptions {
    /// Connects, runs `body`, then closes the connection and stops the embedded server if this
    /// command started it, whether `body` succeeded or not.
    func withConnection<T>(requireSchema: Bool = true, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let (db, resolved) = try await connect()
        do {
            if requireSchema { try await SchemaGate.check(db) }
            let value = try await body(db)
            await db.close()
            resolved.finish()
            return value
        } catch {
            await db.close()
            resolved.finish()
            throw error
        }
    }

}
