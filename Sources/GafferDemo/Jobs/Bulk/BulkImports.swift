import GafferCore
import Postgres

/// Loads and updates `bulk_imports` rows (the uploaded spreadsheets and their status).
enum BulkImports {
    /// The upload's workbook, or nil when the import was cancelled before it started.
    static func workbook(_ id: Int, on db: PostgresConnection) async throws -> Workbook? {
        guard let row = try await db.query("""
            UPDATE gaffer_demo.bulk_imports SET status = 'processing', updated_at = now()
            WHERE id = $1 AND status <> 'cancelled' RETURNING file_name, sheets::text AS sheets
            """, [id]).first
        else { return nil }
        let sheets = try JSONValue.parse(try row.decode("sheets")).arrayValue ?? []
        return Workbook(fileName: try row.decode("file_name"), sheets: sheets.map {
            (name: $0["name"]?.stringValue ?? "", csv: $0["csv"]?.stringValue ?? "")
        })
    }

    static func finish(_ id: Int, imported: Int, on db: PostgresConnection) async throws {
        try await db.query("""
            UPDATE gaffer_demo.bulk_imports SET status = 'completed', rows_imported = $2, updated_at = now()
            WHERE id = $1 AND status = 'processing'
            """, [id, imported])
    }

    /// Marks the import failed with the error's text (before the job is discarded).
    static func fail(_ id: Int, error: any Error, on db: PostgresConnection) async {
        let text = (error as? BulkImportError)?.errorDescription ?? "\(error)"
        _ = try? await db.query("""
            UPDATE gaffer_demo.bulk_imports SET status = 'failed', error = $2, updated_at = now() WHERE id = $1
            """, [id, text])
    }

    /// Cancels an import that has not finished; returns whether it was cancelled.
    static func cancel(_ id: Int, on db: PostgresConnection) async throws -> Bool {
        try await db.query("""
            UPDATE gaffer_demo.bulk_imports SET status = 'cancelled', updated_at = now()
            WHERE id = $1 AND status IN ('pending', 'processing')
            """, [id]).affectedRows > 0
    }
}
