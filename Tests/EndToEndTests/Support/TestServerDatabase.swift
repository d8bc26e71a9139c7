import GafferTestSupport
import Postgres

/// A fresh database on the test server, as the connection string a user would put in DATABASE_URL.
enum TestServerDatabase {
    static func fresh(_ label: String = "e2e") async throws -> String {
        try await TestServer.freshDatabase(label).conninfo
    }

    static func connect(_ conninfo: String) async throws -> PostgresConnection {
        try await PostgresConnection.connect(try ConnectionConfig(conninfo), applicationName: "gaffer-e2e")
    }
}
