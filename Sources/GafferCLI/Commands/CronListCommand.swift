import ArgumentParser
import Foundation
import GafferCron
import GafferStore

/// `gaffer cron list`: the app's cron entries, their next and last runs, and keys only the database knows.
struct CronListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the app's cron entries with next and last run, and cron keys other apps enqueued.",
        discussion: """
            Schedules live in the app (like GoodJob's config.good_job.cron); the database only holds the jobs they \
            enqueued (cron_key, cron_at) and the enable/disable settings.

            Example:
              gaffer cron list
            """)

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let app = GafferApp.current
            let now = Date()
            let entries = try app.cronEntries(environment: ProcessInfo.processInfo.environment)
            let rows = try await database.withConnection { db in
                StatusReport.cronRows(declared: entries, seen: try await MonitorQueries.cronEntries(db, now: now),
                                      settings: try await MonitorQueries.settings(db), now: now)
            }
            guard !rows.isEmpty else {
                Terminal.line("no cron entries: \(app.name) declares none and no job carries a cron_key")
                return
            }
            let table = [["KEY", "SCHEDULE", "CLASS", "ENABLED", "NEXT RUN", "LAST RUN", "LAST STATE"]] + rows.map { row in
                [row.key, row.schedule ?? "(not declared here)", row.jobClass,
                 row.enabled.map { $0 ? "yes" : "no" } ?? "-",
                 row.nextAt.map(StatusReport.clock) ?? "-", row.lastCronAt.map(StatusReport.clock) ?? "never",
                 row.lastState ?? "-"]
            }
            StatusReport.align(table).forEach(Terminal.line)
        }
    }
}
