import Foundation
import Postgres
import Synchronization

/// A login role with a password on the embedded test server, which checks that password.
///
/// The embedded server trusts every local connection; a `pg_hba.conf` line put first makes the
/// members of `gaffer_password_login` authenticate with scram-sha-256, so a wrong password is refused.
/// Needs the embedded server (`TestServer.embedded`): under `DATABASE_URL` there is no file to edit.
public struct TestRole: Sendable {
    public let name: String
    public let password: String
    let socketDirectory: String
    let port: Int

    /// Members of this group must give their password.
    static let passwordGroup = "gaffer_password_login"
    private static let rule = Mutex<Task<Void, any Error>?>(nil)

    /// A new role that may log in with `password` and read every table of `database`'s `public` schema, nothing more.
    public static func reader(of database: ConnectionConfig, password: String) async throws -> TestRole {
        try await granted("SELECT", of: database, password: password)
    }

    /// A new role that may log in with `password` and read and write every table of `database`'s `public` schema.
    public static func writer(of database: ConnectionConfig, password: String) async throws -> TestRole {
        try await granted("ALL", of: database, password: password)
    }

    private static func granted(_ privileges: String, of database: ConnectionConfig, password: String) async throws -> TestRole {
        let role = try await login(password: password)
        let db = try await PostgresConnection.connect(database, applicationName: "gaffer-tests")
        try await db.execute(try await quoted("GRANT \(privileges) ON ALL TABLES IN SCHEMA public TO %I", role.name, on: db))
        await db.close()
        return role
    }

    /// Makes the server log every statement this role's later sessions send (to the embedded server's `server.log`).
    public func logEveryStatement() async throws {
        let admin = try await PostgresConnection.connect(try TestServer.baseConfig(), applicationName: "gaffer-tests")
        try await admin.execute(try await Self.quoted("ALTER ROLE %I SET log_statement = 'all'", name, on: admin))
        await admin.close()
    }

    /// A new role that may log in with `password` and holds no privilege on any table.
    public static func login(password: String) async throws -> TestRole {
        try await requirePasswords()
        guard let server = TestServer.embedded else { throw PostgresError(.serverFailed, "roles need the embedded test server") }
        let name = "gaffer_role_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try await PostgresConnection.connect(try TestServer.baseConfig(), applicationName: "gaffer-tests")
        try await admin.execute(try await quoted("CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I", name, password,
                                                 passwordGroup, on: admin))
        await admin.close()
        return TestRole(name: name, password: password, socketDirectory: server.socketDirectory, port: server.port)
    }

    /// A `key=value` connection string for `database` as this role, with `password` (nil: none given).
    public func conninfo(database: String, password: String?) -> String {
        var info = "host='\(socketDirectory)' port=\(port) user='\(name)' dbname='\(database)'"
        if let password { info += " password='\(password)'" }
        return info
    }

    /// A `postgresql://` URL for `database` as this role, with `password` (nil: none given).
    public func url(database: String, password: String?) -> String {
        let host = socketDirectory.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? socketDirectory
        let secret = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""
        return "postgresql://\(name)\(secret)@\(host):\(port)/\(database)"
    }

    /// Builds a utility statement (which takes no bind parameters) with the server's own quoting of `values`.
    static func quoted(_ template: String, _ values: String..., on db: PostgresConnection) async throws -> String {
        let placeholders = values.indices.map { ", $\($0 + 1)::text" }.joined()
        let row = try await db.query("SELECT format($\(values.count + 1)::text\(placeholders)) AS sql",
                                     values + [template]).first
        return try row?.decode("sql", as: String.self) ?? template
    }

    /// Installs the pg_hba rule once per test process and waits until the server enforces it.
    static func requirePasswords() async throws {
        let task = rule.withLock { task in
            if let task { return task }
            let started = Task { try await installRule() }
            task = started
            return started
        }
        try await task.value
    }

    private static func installRule() async throws {
        guard let server = TestServer.embedded else { throw PostgresError(.serverFailed, "roles need the embedded test server") }
        let admin = try await PostgresConnection.connect(try TestServer.baseConfig(), applicationName: "gaffer-tests")
        try await admin.execute(try await quoted("CREATE ROLE %I NOLOGIN", passwordGroup, on: admin))
        let probe = "gaffer_password_probe"
        try await admin.execute(try await quoted("CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I", probe, "right",
                                                 passwordGroup, on: admin))
        let file = server.dataDirectory + "/pg_hba.conf"
        let rules = try String(contentsOfFile: file, encoding: .utf8)
        try ("local all +\(passwordGroup) scram-sha-256\n" + rules).write(toFile: file, atomically: false, encoding: .utf8)
        try await admin.query("SELECT pg_reload_conf()")
        await admin.close()
        let wrong = TestRole(name: probe, password: "right", socketDirectory: server.socketDirectory, port: server.port)
            .conninfo(database: "postgres", password: "wrong")
        try await TestWait.until("the server to ask for passwords", timeout: 30) {
            guard let db = try? await PostgresConnection.connect(try ConnectionConfig(wrong)) else { return true }
            await db.close()
            return false
        }
    }
}
