import Postgres

/// A connection opened on first use and kept for later jobs of the same slot.
///
/// Each slot owns one, so a job body's own queries never wait behind another slot's, and no job
/// pays for a new session.
public actor LazyConnection {
    private let config: ConnectionConfig
    private let name: String
    private var connection: PostgresConnection?

    init(config: ConnectionConfig, name: String) {
        self.config = config
        self.name = name
    }

    /// The slot's connection, reconnected when the server ended its session (restart, terminate).
    public func get() async throws -> PostgresConnection {
        if let connection {
            try await connection.reconnectIfLost()
            return connection
        }
        let fresh = try await PostgresConnection.connect(config, applicationName: name)
        connection = fresh
        return fresh
    }

    func close() async {
        await connection?.close()
        connection = nil
    }
}
