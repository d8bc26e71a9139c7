import Postgres

/// Brings a database to GoodJob v4.19.2's schema (`gaffer migrate`).
public enum Migrator {
    /// Inspects, plans and (when the plan has changes) applies; returns the plan that was carried out.
    ///
    /// A fresh install runs in one transaction. Indexes added to existing tables are built
    /// `CONCURRENTLY`, as GoodJob's update migrations do, so a live app keeps writing meanwhile.
    @discardableResult
    public static func migrate(_ db: PostgresConnection, apply: Bool = false) async throws -> MigrationPlan {
        let plan = MigrationPlan(inspection: try await SchemaInspection.read(db), apply: apply)
        let inTransaction = plan.changes.filter { !$0.outsideTransaction }.flatMap(\.statements)
        if !inTransaction.isEmpty {
            try await db.transaction { conn in
                for statement in inTransaction { try conn.execute(statement) }
            }
        }
        for statement in plan.changes.filter(\.outsideTransaction).flatMap(\.statements) {
            try await db.execute(statement)
        }
        return plan
    }
}
