import Foundation
import Postgres
import Synchronization

/// The PostgreSQL server a test process uses: `DATABASE_URL` when set, else one embedded server
/// started on first use in a temporary directory and stopped when the process exits.
///
/// Tests get isolation by asking for a fresh database (`freshDatabase()`), never by sharing one.
public enum TestServer {
    private struct State: Sendable {
        var base: ConnectionConfig?
        var embedded: EmbeddedPostgres?
        var failure: String?
    }

    private static let state = Mutex(State())

    /// Connection to the server's maintenance database; starts the embedded server if needed.
    public static func baseConfig() throws -> ConnectionConfig {
        try state.withLock { state in
            if let base = state.base { return base }
            if let failure = state.failure { throw PostgresError(.serverFailed, failure) }
            do {
                if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
                    state.base = try ConnectionConfig(url)
                } else {
                    let dir = "/tmp/gaffer-test-\(getpid())-\(UInt16.random(in: 0...UInt16.max))"
                    let server = try EmbeddedPostgres(directory: dir, port: 5432)
                    // Many suites run at once, each with workers of several sessions: room for all of them.
                    try server.start(extraSettings: EmbeddedPostgres.throwawaySettings + ["max_connections=1000"])
                    state.embedded = server
                    state.base = server.config()
                    atexit { TestServer.stopAtExit() }
                }
                return state.base!
            } catch {
                state.failure = "\(error)"
                throw error
            }
        }
    }

    /// The embedded server, when the tests started one (nil under `DATABASE_URL`).
    public static var embedded: EmbeddedPostgres? {
        _ = try? baseConfig()
        return state.withLock { $0.embedded }
    }

    /// Creates an empty database with a unique name and returns its connection config.
    public static func freshDatabase(_ label: String = "t") async throws -> ConnectionConfig {
        let base = try baseConfig()
        let name = "gaffer_\(label)_\(UInt64.random(in: 0...UInt64.max) % 1_000_000_000_000)"
        let admin = try await PostgresConnection.connect(base, applicationName: "gaffer-tests")
        try await admin.execute("CREATE DATABASE \(name)")
        await admin.close()
        return base.with(database: name)
    }

    /// Convenience: a fresh database and a connection to it.
    public static func freshConnection(_ label: String = "t") async throws -> PostgresConnection {
        try await PostgresConnection.connect(try await freshDatabase(label), applicationName: "gaffer-tests")
    }

    static func stopAtExit() {
        guard let server = state.withLock({ $0.embedded }) else { return }
        try? server.stop()
        ScratchRemoval.removeInBackground(server.socketDirectory)
    }
}
