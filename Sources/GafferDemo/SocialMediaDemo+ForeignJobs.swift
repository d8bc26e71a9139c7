import Postgres

extension SocialMediaDemo {
    /// A job in `good_jobs` the demo did not create, as its class name (or `a job without a class`); nil when
    /// every row is the demo's, or there are no GoodJob tables yet. Reads only.
    ///
    /// A row is the demo's when its class is one of the demo's and the demo's schema exists: an app
    /// whose classes share the demo's names (the original Rails app) never had `gaffer_demo` seeded.
    public static func foreignJob(_ db: PostgresConnection) async throws -> String? {
        let state = try await db.query("""
            SELECT to_regclass('good_jobs') IS NOT NULL AS has_jobs_table,
                   EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS seeded
            """, [DemoSchema.name])
        guard let row = state.first, try row.decode("has_jobs_table", as: Bool.self) else { return nil }
        let seeded = try row.decode("seeded", as: Bool.self)
        let foreign = try await db.query("""
            SELECT job_class FROM good_jobs WHERE NOT $2 OR job_class IS NULL OR job_class <> ALL($1) LIMIT 1
            """, [jobs.map { $0.className }, seeded])
        guard let first = foreign.first else { return nil }
        return try first.decode("job_class", as: String?.self) ?? "a job without a class"
    }
}
