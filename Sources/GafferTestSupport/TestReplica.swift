import Foundation
import Postgres

/// A private primary and a streaming hot standby made from it with `pg_basebackup -R`, both logging every
/// statement with its application name to their own files, for tests of reading from a replica.
///
/// Both run on unix sockets in their own directories under /tmp (as the unprivileged `postgres` user when
/// the tests run as root). `stop()` stops both and removes their directories.
public final class TestReplica: Sendable {
    public let primary: EmbeddedPostgres
    public let standby: EmbeddedPostgres
    /// The database both hold (created on the primary before the copy).
    public let database: String

    /// Faster and unsafe on a crash, as the other test servers, but with synchronous commits.
    static let quick = ["fsync=off", "full_page_writes=off"]

    /// Every statement with the session's application name first: `app=<name> LOG:  statement: …`.
    static let logging = ["log_statement=all", "log_line_prefix='app=%a '"]

    /// Starts a primary with `database`, copies it into a standby and starts that; returns once the standby
    /// accepts connections.
    public init(database: String = "replica_test") async throws {
        let base = "/tmp/gaffer-replica-\(getpid())-\(UInt16.random(in: 0...UInt16.max))"
        let primaryPort = Int.random(in: 20_000...40_000)
        let primary = try EmbeddedPostgres(directory: base + "-p", port: primaryPort)
        // Commits flushed at once (unlike `throwawaySettings`), so the WAL position read after a write covers it.
        let settings = Self.quick + EmbeddedPostgres.primarySettings + Self.logging
        try primary.start(extraSettings: settings)
        do {
            try primary.allowLocalReplication()
            try primary.stop()
            try primary.start(extraSettings: settings)
            let admin = try await PostgresConnection.connect(primary.config(), applicationName: "gaffer-tests")
            try await admin.execute("CREATE DATABASE \(database)")
            await admin.close()
            let standby = try primary.makeStandby(directory: base + "-s", port: primaryPort + 1)
            do {
                try standby.start(extraSettings: Self.quick + ["hot_standby=on"] + Self.logging)
            } catch {
                standby.destroy()
                throw error
            }
            self.primary = primary
            self.standby = standby
            self.database = database
        } catch {
            try? primary.stop()
            primary.destroy()
            throw error
        }
    }

    public var primaryConfig: ConnectionConfig { primary.config(database: database) }
    public var standbyConfig: ConnectionConfig { standby.config(database: database) }

    /// Waits until the standby has replayed everything the primary had written when called.
    public func waitForReplay(timeout: Double = 30) async throws {
        let admin = try await PostgresConnection.connect(primary.config(), applicationName: "gaffer-tests")
        let lsn = try await admin.query("SELECT pg_current_wal_lsn()::text")[0].decode(0, as: String.self)
        await admin.close()
        let reader = try await PostgresConnection.connect(standby.config(), applicationName: "gaffer-tests")
        defer { Task { await reader.close() } }
        try await TestWait.until("the standby to replay up to \(lsn)", timeout: timeout) {
            try await reader.query("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", [lsn])[0].decode(0, as: Bool.self)
        }
    }

    /// The statements a server logged for sessions named `application` (its `application_name`), in order:
    /// simple-protocol ones (`statement: …`) and parameterized ones (`execute <unnamed>: …`).
    public static func statements(of server: EmbeddedPostgres, application: String) -> [String] {
        let log = (try? String(contentsOfFile: server.dataDirectory + "/server.log", encoding: .utf8)) ?? ""
        let prefix = "app=\(application) LOG:  "
        var statements: [String] = []
        var continuing = false
        for line in log.split(separator: "\n") {
            if line.hasPrefix(prefix), let colon = line.dropFirst(prefix.count).prefixMatch(of: #/(statement|execute [^:]*): /#) {
                statements.append(String(line.dropFirst(prefix.count)[colon.range.upperBound...]))
                continuing = true
            } else if line.hasPrefix("\t"), continuing {
                // The server indents a multi-line statement's later lines with a tab.
                statements[statements.count - 1] += "\n" + line.dropFirst()
            } else {
                continuing = false
            }
        }
        return statements
    }

    /// Stops both servers and removes their directories.
    public func stop() {
        for server in [standby, primary] {
            try? server.stop()
            ScratchRemoval.removeInBackground(server.socketDirectory)
        }
    }
}
