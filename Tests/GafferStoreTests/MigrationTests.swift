import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

@Suite("migrate creates and checks GoodJob v4.19.2's schema")
struct MigrationTests {
    /// Reads the hand-written fixture: column lines and index lines.
    static func fixture() throws -> (columns: Set<String>, indexes: Set<String>) {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/goodjob-v4.19.2-schema.txt").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        return (Set(lines.filter { $0.split(separator: "|").count == 3 }),
                Set(lines.filter { $0.split(separator: "|").count == 2 }))
    }

    static func live(_ db: PostgresConnection) async throws -> (columns: Set<String>, indexes: Set<String>) {
        let columns = try await db.query("""
            SELECT table_name || '.' || column_name || ' | ' ||
                   format_type(a.atttypid, a.atttypmod) || ' | ' ||
                   CASE WHEN is_nullable = 'NO' THEN 'not null' ELSE 'null' END AS line
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_name))::regclass AND a.attname = c.column_name
            WHERE c.table_schema = current_schema() AND c.table_name LIKE 'good\\_job%'
            """)
        let indexes = try await db.query("""
            SELECT indexname || ' | ' || replace(indexdef, ' ON ' || schemaname || '.', ' ON ') AS line
            FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'good\\_job%'
            """)
        return (Set(try columns.map { try $0.decode("line", as: String.self) }),
                Set(try indexes.map { try $0.decode("line", as: String.self) }))
    }

    @Test func freshInstallMatchesTheFixture() async throws {
        let db = try await TestServer.freshConnection("migrate")
        let plan = try await Migrator.migrate(db)
        #expect(plan.freshInstall)
        #expect(plan.report.count == 5 + 27)
        #expect(plan.report.first == "created  table good_jobs")
        let expected = try Self.fixture()
        let actual = try await Self.live(db)
        #expect(actual.columns.subtracting(expected.columns).sorted() == [])
        #expect(expected.columns.subtracting(actual.columns).sorted() == [])
        #expect(actual.indexes.subtracting(expected.indexes).sorted() == [])
        #expect(expected.indexes.subtracting(actual.indexes).sorted() == [])
        #expect(expected.indexes.filter { $0.hasPrefix("index_good_jobs") || $0.hasPrefix("index_good_job_jobs") }.count == 24)
    }

    @Test func secondRunIsANoOp() async throws {
        let db = try await TestServer.freshConnection("migrate2")
        try await Migrator.migrate(db)
        let before = try await Self.live(db)
        let second = try await Migrator.migrate(db, apply: true)
        #expect(second.isNoOp)
        #expect(second.report.last == "nothing to do: the GoodJob v4.19.2 schema is complete")
        #expect(try await Self.live(db) == before)
    }

    @Test func olderRailsSchemaIsReportedAndOnlyChangedWithApply() async throws {
        let db = try await TestServer.freshConnection("migrate3")
        try await Migrator.migrate(db)
        // A GoodJob 4.14 app: no lock_type, none of the late dashboard indexes, and a legacy index.
        try await db.execute("""
            ALTER TABLE good_jobs DROP COLUMN lock_type;
            DROP INDEX index_good_jobs_on_queue_name; DROP INDEX index_good_jobs_on_unfinished_or_errored;
            CREATE INDEX index_good_jobs_jobs_on_finished_at ON good_jobs (finished_at)
              WHERE retried_good_job_id IS NULL AND finished_at IS NOT NULL;
            """)
        let report = try await Migrator.migrate(db)
        #expect(report.isNoOp)
        #expect(report.report.contains("missing  column good_jobs.lock_type (run `gaffer migrate --apply` to add it)"))
        #expect(report.report.contains("missing  index index_good_jobs_on_queue_name (run `gaffer migrate --apply` to add it)"))
        #expect(try await SchemaInspection.read(db).hasLockType == false)

        let applied = try await Migrator.migrate(db, apply: true)
        #expect(applied.report.contains("created  column good_jobs.lock_type"))
        #expect(applied.report.contains("created  index index_good_jobs_on_unfinished_or_errored"))
        #expect(applied.report.contains("dropped  index index_good_jobs_jobs_on_finished_at (legacy)"))
        let after = try await Self.live(db)
        let expected = try Self.fixture()
        #expect(after.columns == expected.columns)
        #expect(after.indexes == expected.indexes)
    }
}
