import Postgres

/// The one check before a command, the screen or a worker uses a database: is it a GoodJob database,
/// and what does it have (`SchemaInspection`: `lock_type` or not, which tables and indexes).
public enum SchemaGate {
    /// The database's GoodJob objects; throws `SchemaGateError` when it has no `good_jobs` table.
    @discardableResult
    public static func check(_ db: PostgresConnection) async throws -> SchemaInspection {
        let inspection = try await SchemaInspection.read(db)
        let missing = GoodJobSchema.tables.map(\.name).filter { !inspection.tables.contains($0) }
        guard inspection.tables.contains("good_jobs") else {
            throw SchemaGateError(database: await db.config.displayName, missingTables: missing)
        }
        return inspection
    }
}
