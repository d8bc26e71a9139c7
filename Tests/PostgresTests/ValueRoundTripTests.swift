import Foundation
import GafferTestSupport
import Postgres
import Testing

@Suite("Values round-trip through a real server")
struct ValueRoundTripTests {
    @Test func scalarsAndNulls() async throws {
        let db = try await TestServer.freshConnection("values")
        let id = UUID()
        let rows = try await db.query(
            "SELECT $1::uuid AS u, $2::text AS t, $3::integer AS i, $4::smallint AS s, $5::bool AS b, $6::bigint AS big, $7::text AS n",
            [id, "héllo 世界 🎉", 2_147_483_647, Int16(-32768), true, Int64.min, String?.none])
        let row = try #require(rows.first)
        #expect(try row.decode("u", as: UUID.self) == id)
        #expect(try row.decode("t", as: String.self) == "héllo 世界 🎉")
        #expect(try row.decode("i", as: Int.self) == 2_147_483_647)
        #expect(try row.decode("s", as: Int16.self) == -32768)
        #expect(try row.decode("b", as: Bool.self) == true)
        #expect(try row.decode("big", as: Int64.self) == Int64.min)
        #expect(try row.decode("n", as: String?.self) == nil)
        #expect(throws: PostgresError.self) { try row.decode("n", as: String.self) }
    }

    @Test func microsecondTimestampsBothTypes() async throws {
        let db = try await TestServer.freshConnection("ts")
        let date = Date(timeIntervalSince1970: 1_784_548_800.123456)  // 2026-07-20 12:00:00.123456 UTC
        let rows = try await db.query(
            "SELECT $1::timestamp(6) AS plain, $1::timestamptz AS tz, $1::timestamp(6)::text AS text", [date])
        let row = try #require(rows.first)
        #expect(try row.decode("text", as: String.self) == "2026-07-20 12:00:00.123456")
        let plain = try row.decode("plain", as: Date.self)
        let tz = try row.decode("tz", as: Date.self)
        #expect(abs(plain.timeIntervalSince(date)) < 0.000_001)
        #expect(abs(tz.timeIntervalSince(date)) < 0.000_001)
        #expect(PostgresTimestamp.format(plain) == "2026-07-20 12:00:00.123456+00")
        let early = try #require(try await db.query("SELECT '1969-12-31 23:59:59.5'::timestamp AS t").first)
        #expect(try early.decode("t", as: Date.self).timeIntervalSince1970 == -0.5)
    }

    @Test func textArrays() async throws {
        let db = try await TestServer.freshConnection("arrays")
        let values: [[String]] = [[], ["a"], ["with space", "quo\"te", "back\\slash", "comma,", "NULL", "{}", "世界"]]
        for value in values {
            let row = try #require(try await db.query("SELECT $1::text[] AS a, cardinality($1::text[]) AS n", [value]).first)
            #expect(try row.decode("a", as: [String].self) == value)
            #expect(try row.decode("n", as: Int.self) == value.count)
        }
        let nullable = try #require(try await db.query("SELECT NULL::text[] AS a").first)
        #expect(try nullable.decode("a", as: [String]?.self) == nil)
    }

    @Test func jsonbAndIntervals() async throws {
        let db = try await TestServer.freshConnection("json")
        let json = PostgresJSON(#"{"b":[1,2],"a":"x\u0000y"}"#.replacingOccurrences(of: "\\u0000", with: "é"))
        let row = try #require(try await db.query("SELECT $1::jsonb AS j, $1::jsonb->'b'->>1 AS second", [json]).first)
        #expect(try row.decode("second", as: String.self) == "2")
        #expect(try row.decode("j", as: PostgresJSON.self).text == #"{"a": "xéy", "b": [1, 2]}"#)

        let interval = PostgresInterval(seconds: 93_784.000_123)
        let irow = try #require(try await db.query(
            "SELECT $1::interval AS i, '-00:00:01.5'::interval AS neg, '1 year 2 mons 3 days 04:05:06'::interval AS long", [interval]).first)
        #expect(try irow.decode("i", as: PostgresInterval.self).seconds == 93_784.000_123)
        #expect(try irow.decode("neg", as: PostgresInterval.self).seconds == -1.5)
        let long = try irow.decode("long", as: PostgresInterval.self)
        #expect(long.months == 14 && long.days == 3 && long.microseconds == 14_706_000_000)
    }

    @Test func sqlStateAndParameterSafety() async throws {
        let db = try await TestServer.freshConnection("errors")
        try await db.execute("CREATE TABLE t (k text PRIMARY KEY)")
        let hostile = "x'); DROP TABLE t; --"
        try await db.query("INSERT INTO t (k) VALUES ($1)", [hostile])
        let error = await #expect(throws: PostgresError.self) {
            try await db.query("INSERT INTO t (k) VALUES ($1)", [hostile])
        }
        #expect(error?.isUniqueViolation == true)
        #expect(error?.code == .queryFailed)
        let count = try #require(try await db.query("SELECT count(*) AS n FROM t").first)
        #expect(try count.decode("n", as: Int.self) == 1)
        let zero = await #expect(throws: PostgresError.self) { try await db.query("SELECT 1/0") }
        #expect(zero?.sqlState == "22012")
    }

    @Test func transactionsRollBackOnError() async throws {
        let db = try await TestServer.freshConnection("tx")
        try await db.execute("CREATE TABLE t (n int)")
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await db.transaction { conn in
                try conn.query("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        try await db.transaction { conn in _ = try conn.query("INSERT INTO t VALUES (2)") }
        let rows = try await db.query("SELECT n FROM t")
        try #require(rows.count == 1)
        #expect(try rows[0].decode("n", as: Int.self) == 2)
    }
}

@Suite("pipelines commit together or not at all")
struct PipelineTests {
    @Test func statementsShareOneTransaction() async throws {
        let db = try await TestServer.freshConnection("pipeline")
        try await db.execute("CREATE TABLE t (n int PRIMARY KEY)")
        let results = try await db.pipeline([
            ("INSERT INTO t VALUES ($1)", [1]),
            ("SELECT count(*) AS c FROM t WHERE n = $1", [1]),
        ])
        try #require(results.count == 2)
        #expect(try results[1][0].decode("c", as: Int.self) == 1)
        let error = await #expect(throws: PostgresError.self) {
            try await db.pipeline([("INSERT INTO t VALUES ($1)", [2]), ("INSERT INTO t VALUES ($1)", [1])])
        }
        #expect(error?.isUniqueViolation == true)
        // The first insert was rolled back with the failing second one; the connection still works.
        let rows = try await db.query("SELECT n FROM t ORDER BY n")
        #expect(try rows.map { try $0.decode("n", as: Int.self) } == [1])
    }
}

@Suite("prepared pipelines")
struct PreparedPipelineTests {
    static let insert = (sql: "INSERT INTO t VALUES ($1) RETURNING n", parameters: [any PostgresEncodable]())
    static func insert(_ n: Int) -> (sql: String, parameters: [any PostgresEncodable]) { (insert.sql, [n]) }

    /// Each text is prepared once per session and reused by name, and a new session prepares it again.
    @Test func aTextIsPreparedOncePerSessionAndAgainAfterAReconnect() async throws {
        let config = try await TestServer.freshDatabase("prepared")
        let db = try await PostgresConnection.connect(config)
        try await db.execute("CREATE TABLE t (n int PRIMARY KEY)")
        let prepared = "SELECT count(*) AS c FROM pg_prepared_statements WHERE statement = $1"
        for n in 1...3 {
            let outcomes = try await db.pipeline(transactions: [[Self.insert(n)]], prepared: true)
            #expect(try outcomes[0].get()[0].first?.decode("n", as: Int.self) == n)
        }
        #expect(try await db.query(prepared, [Self.insert.sql]).first?.decode("c", as: Int.self) == 1)

        let admin = try await PostgresConnection.connect(config)
        try await admin.query("SELECT pg_terminate_backend($1)", [Int(await db.backendPID)])
        try await TestWait.until("the session to be gone") { await !db.isConnected }
        try await db.reconnect()
        let outcomes = try await db.pipeline(transactions: [[Self.insert(4)]], prepared: true)
        #expect(try outcomes[0].get()[0].first?.decode("n", as: Int.self) == 4)
        #expect(try await db.query(prepared, [Self.insert.sql]).first?.decode("c", as: Int.self) == 1)
        #expect(try await admin.query("SELECT count(*) AS c FROM t").first?.decode("c", as: Int.self) == 4)
    }
}
