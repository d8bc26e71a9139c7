import Foundation
import GafferTestSupport
import Postgres
import Testing

@Suite("LISTEN/NOTIFY and broken connections")
struct NotifyAndReconnectTests {
    @Test func notifyArrivesOnAnotherConnection() async throws {
        let config = try await TestServer.freshDatabase("notify")
        let listener = PostgresListener(config: config, channels: ["good_job"])
        listener.start()
        defer { listener.stop() }
        var events = listener.events.makeAsyncIterator()
        guard case .connected = await events.next() else { Issue.record("listener did not connect"); return }
        let sender = try await PostgresConnection.connect(config)
        try await sender.query("SELECT pg_notify($1, $2)", ["good_job", #"{"queue_name":"default"}"#])
        guard case .notification(let note) = await events.next() else { Issue.record("no notification"); return }
        #expect(note.channel == "good_job")
        #expect(note.payload == #"{"queue_name":"default"}"#)
        #expect(note.senderPID == (await sender.backendPID))
    }

    @Test func listenerReconnectsAfterBackendTerminated() async throws {
        let config = try await TestServer.freshDatabase("relisten")
        let listener = PostgresListener(config: config, channels: ["good_job"], backoff: 0.01...0.2)
        listener.start()
        defer { listener.stop() }
        var events = listener.events.makeAsyncIterator()
        guard case .connected = await events.next() else { Issue.record("listener did not connect"); return }
        let admin = try await PostgresConnection.connect(config)
        try await admin.query("SELECT pg_terminate_backend($1)", [listener.backendPID])
        guard case .disconnected(let error) = await events.next() else { Issue.record("no disconnect"); return }
        #expect(error.isConnectionError)
        guard case .connected = await events.next() else { Issue.record("no reconnect"); return }
        try await admin.query("SELECT pg_notify('good_job', 'after')")
        guard case .notification(let note) = await events.next() else { Issue.record("no notification"); return }
        #expect(note.payload == "after")
    }

    @Test func terminatedConnectionSurfacesTypedErrorAndReconnects() async throws {
        let config = try await TestServer.freshDatabase("kill")
        let victim = try await PostgresConnection.connect(config)
        let admin = try await PostgresConnection.connect(config)
        try await admin.query("SELECT pg_terminate_backend($1)", [await victim.backendPID])
        let error = await #expect(throws: PostgresError.self) { try await victim.query("SELECT 1") }
        #expect(error?.isConnectionError == true)
        #expect(await victim.isConnected == false)
        try await victim.reconnect()
        let row = try #require(try await victim.query("SELECT 41 + 1 AS n").first)
        #expect(try row.decode("n", as: Int.self) == 42)
    }

    @Test func sessionSettingsHoldAfterAReconnect() async throws {
        let config = try await TestServer.freshDatabase("settings")
        let session = try await PostgresConnection.connect(config, settings: ["enable_seqscan": "off"])
        let plain = try await PostgresConnection.connect(config)
        func seqscan(_ connection: PostgresConnection) async throws -> String {
            try #require(try await connection.query("SELECT current_setting('enable_seqscan') AS v").first).decode("v", as: String.self)
        }
        #expect(try await seqscan(session) == "off")
        #expect(try await seqscan(plain) == "on")
        try await plain.query("SELECT pg_terminate_backend($1)", [await session.backendPID])
        _ = await #expect(throws: PostgresError.self) { try await session.query("SELECT 1") }
        #expect(try await session.reconnectIfLost())
        #expect(try await seqscan(session) == "off")
    }

    @Test func errorsNeverShowThePassword() async throws {
        let secret = "hunter2-s3cret"
        let config = try ConnectionConfig("postgresql://alice:\(secret)@127.0.0.1:1/nowhere?connect_timeout=2")
        #expect(!config.displayName.contains(secret))
        let error = await #expect(throws: PostgresError.self) { try await PostgresConnection.connect(config) }
        #expect(error?.code == .connectionFailed)
        #expect(!"\(error!)".contains(secret))
        #expect("\(error!)".contains("database \"nowhere\" on 127.0.0.1:1"))
        let malformed = #expect(throws: PostgresError.self) { try ConnectionConfig("host=x password='\(secret)' bogus=1") }
        #expect(!"\(malformed!)".contains(secret))
    }
}
