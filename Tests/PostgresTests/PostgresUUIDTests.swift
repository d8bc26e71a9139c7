import Foundation
import GafferTestSupport
import Postgres
import Testing

@Suite("UUID text without Foundation's formatter")
struct PostgresUUIDTests {
    @Test func formatsAsPostgreSQLDoesAndParsesBack() {
        for _ in 0..<200 {
            let id = UUID()
            let text = PostgresUUID.format(id)
            #expect(text == id.uuidString.lowercased())
            #expect(PostgresUUID.parse(text) == id)
            #expect(PostgresUUID.parse(id.uuidString) == id)
        }
        let edges = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                     UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        #expect(edges.map(PostgresUUID.format) == ["00000000-0000-0000-0000-000000000000",
                                                   "ffffffff-ffff-ffff-ffff-ffffffffffff"])
    }

    @Test(arguments: ["", "not a uuid", "0000000-00000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000g",
                      "00000000-0000-0000-0000-0000000000000", "00000000_0000_0000_0000_000000000000",
                      "{00000000-0000-0000-0000-000000000000}", "00000000-0000-0000-0000-00000000000é"])
    func refusesAnythingElse(_ text: String) {
        #expect(PostgresUUID.parse(text) == nil)
    }

    /// The server's own text for a UUID decodes to the value it was given, both ways.
    @Test func roundTripsThroughTheServer() async throws {
        let db = try await TestServer.freshConnection("uuids")
        let ids = (0..<20).map { _ in UUID() }
        let rows = try await db.query("SELECT u, u::text AS t FROM unnest($1::uuid[]) u", [PostgresTextArray(encoding: ids)])
        #expect(try rows.map { try $0.decode("u", as: UUID.self) } == ids)
        #expect(try rows.map { try $0.decode("t", as: String.self) } == ids.map(PostgresUUID.format))
    }
}
