import Foundation
import GafferTestSupport
import Postgres

/// A test's own embedded server in `/tmp/gaffer-test-<kind>-…`, to stop or restart without touching the shared one.
struct PrivateServer: Sendable {
    let server: EmbeddedPostgres
    let directory: String

    /// Whether the server binaries are installed (tests under DATABASE_URL alone may lack them).
    static var isAvailable: Bool { (try? EmbeddedPostgres(directory: "/tmp/gaffer-test-probe")) != nil }

    /// Starts a server with connection logging; nil without server binaries (tests under DATABASE_URL only).
    static func start(_ kind: String) async throws -> PrivateServer? {
        let directory = "/tmp/gaffer-test-\(kind)-\(getpid())-\(UInt16.random(in: 0...UInt16.max))"
        guard let server = try? EmbeddedPostgres(directory: directory, port: 5432) else { return nil }
        let started = PrivateServer(server: server, directory: directory)
        do {
            try await started.start()
        } catch {
            started.remove()
            throw error
        }
        return started
    }

    func start() async throws {
        try await Blocking.run { [server] in try server.start(extraSettings: EmbeddedPostgres.throwawaySettings + ["log_connections=on"]) }
    }

    /// Stops in fast mode: every session is ended.
    func stop() async throws {
        try await Blocking.run { [server] in try server.stop() }
    }

    /// A migrated database with the test jobs' tables, and a connection to it.
    func database() async throws -> (ConnectionConfig, PostgresConnection) {
        let admin = try await PostgresConnection.connect(server.config(), applicationName: "gaffer-tests")
        try await admin.execute("CREATE DATABASE gaffer_fault")
        await admin.close()
        let config = server.config(database: "gaffer_fault")
        let db = try await PostgresConnection.connect(config, applicationName: "gaffer-tests")
        try await EngineFixture.prepare(db)
        return (config, db)
    }

    /// The server's log since it last became ready.
    var logSinceReady: String {
        let log = (try? String(contentsOfFile: server.dataDirectory + "/server.log", encoding: .utf8)) ?? ""
        return log.components(separatedBy: "database system is ready to accept connections").last ?? ""
    }

    /// Stops the server (blocking) and deletes its directory; safe in a `defer`.
    func remove() {
        try? server.stop()
        ScratchRemoval.removeInBackground(directory)
    }
}
