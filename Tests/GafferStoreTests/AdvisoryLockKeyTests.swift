import Foundation
import GafferCore
import GafferTestSupport
import Postgres
import Testing

@Suite("the advisory-lock key matches PostgreSQL's own md5 hash")
struct AdvisoryLockKeyTests {
    @Test func swiftAndPostgresAgree() async throws {
        let db = try await TestServer.freshConnection("lockkey")
        var keys = ["good_jobs-0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55", "", "label:slow", "SocialMediaPublicationDailySyncJob",
                    "good_job_processes-" + UUID().uuidString.lowercased(), "ünïcødé 世界"]
        keys += (0..<20).map { _ in "good_jobs-" + UUID().uuidString.lowercased() }
        for key in keys {
            let row = try #require(try await db.query("""
                SELECT ('x' || substr(md5($1), 1, 16))::bit(64)::bigint AS k,
                       ((('x' || substr(md5($1), 1, 16))::bit(64)::bigint >> 32) & 4294967295) AS classid,
                       (('x' || substr(md5($1), 1, 16))::bit(64)::bigint & 4294967295) AS objid
                """, [key]).first)
            let swift = AdvisoryLockKey(text: key)
            #expect(try row.decode("k", as: Int64.self) == swift.value, "\(key)")
            #expect(try row.decode("classid", as: Int64.self) == Int64(swift.classid))
            #expect(try row.decode("objid", as: Int64.self) == Int64(swift.objid))
        }
        #expect(AdvisoryLockKey(text: keys[0]).value == 8_093_263_265_512_935_345)
    }

    @Test func aHeldJobLockShowsInPgLocksUnderTheSwiftKey() async throws {
        let db = try await TestServer.freshConnection("pglocks")
        let id = UUID()
        let key = AdvisoryLockKey.forJob(id: id)
        try await db.query("SELECT pg_advisory_lock($1)", [key.value])
        let held = try await db.query("""
            SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND pid = pg_backend_pid()
              AND classid = $1::bigint::oid AND objid = $2::bigint::oid
            """, [Int64(key.classid), Int64(key.objid)])
        #expect(held.count == 1)
    }
}
