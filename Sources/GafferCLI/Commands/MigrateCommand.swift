import ArgumentParser
import GafferStore

/// `gaffer migrate`: create GoodJob's tables, or check an existing GoodJob database.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create GoodJob v4.19.2's tables, or report what an existing GoodJob database lacks.",
        discussion: """
            On an empty database every table and index is created. On a database that already has GoodJob tables (a \
            Rails app's) nothing is changed unless --apply is given, and then only what GoodJob's own update \
            migrations add; without --apply it lists what is missing and exits 1. Running it twice is a no-op.

            Example:
              gaffer migrate --database-url postgresql://localhost/myapp_production
              gaffer migrate --apply
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "On an existing GoodJob database, add the missing columns and indexes.")
    var apply = false

    func run() async throws {
        try await reportingErrors {
            let (db, resolved) = try await database.connect()
            defer { resolved.finish() }
            let plan = try await Migrator.migrate(db, apply: apply)
            await db.close()
            plan.report.forEach(Terminal.line)
            if let summary = plan.applySummary {
                throw CLIError.runtime("the schema is incomplete: `\(GafferApp.current.name) migrate --apply` would \(summary)")
            }
        }
    }
}
