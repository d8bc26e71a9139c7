import Postgres

/// What GoodJob objects a database already has, read from the catalogs of the current schema.
public struct SchemaInspection: Sendable {
    public struct ColumnInfo: Sendable, Hashable {
        public let type: String
        public let notNull: Bool
    }

    /// Table name → column name → type and nullability.
    public var columns: [String: [String: ColumnInfo]] = [:]
    /// Index name → table name.
    public var indexes: [String: String] = [:]

    public var tables: Set<String> { Set(columns.keys) }
    public var isEmpty: Bool { columns.isEmpty }

    public init(columns: [String: [String: ColumnInfo]] = [:], indexes: [String: String] = [:]) {
        self.columns = columns
        self.indexes = indexes
    }

    public static func read(_ db: PostgresConnection) async throws -> SchemaInspection {
        let tables = GoodJobSchema.tables.map(\.name)
        var inspection = SchemaInspection()
        let columnRows = try await db.query("""
            SELECT c.relname AS table_name, a.attname AS column_name,
                   format_type(a.atttypid, a.atttypmod) AS column_type, a.attnotnull AS not_null
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1)
              AND a.attnum > 0 AND NOT a.attisdropped
            """, [tables])
        for row in columnRows {
            let table: String = try row.decode("table_name")
            let column: String = try row.decode("column_name")
            inspection.columns[table, default: [:]][column] =
                ColumnInfo(type: try row.decode("column_type"), notNull: try row.decode("not_null"))
        }
        let indexRows = try await db.query(
            "SELECT indexname, tablename FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)",
            [tables])
        for row in indexRows {
            inspection.indexes[try row.decode("indexname")] = try row.decode("tablename")
        }
        return inspection
    }

    /// Whether this database lacks `good_jobs.lock_type` (GoodJob before v4.15): claims then use lock_type 0.
    public var hasLockType: Bool { columns["good_jobs"]?["lock_type"] != nil }
}
