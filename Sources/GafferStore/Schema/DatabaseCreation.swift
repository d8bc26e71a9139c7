import Postgres

/// Creates a database on a server (the embedded server's own database, on first use).
public enum DatabaseCreation {
    /// Creates database `name` unless it exists; `admin` is connected to another database of the server.
    public static func createIfMissing(_ name: String, on admin: PostgresConnection) async throws {
        let exists = try await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        // CREATE DATABASE takes no parameters: the name goes in as a quoted identifier.
        if exists.isEmpty { try await admin.execute("CREATE DATABASE \"" + name.replacing("\"", with: "\"\"") + "\"") }
    }
}
