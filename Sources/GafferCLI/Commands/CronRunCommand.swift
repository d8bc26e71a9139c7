import ArgumentParser
import Foundation
import GafferEngine

/// `gaffer cron run KEY`: GoodJob's dashboard "Enqueue now".
struct CronRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Enqueue a cron entry's job now (GoodJob's dashboard Enqueue now).",
        discussion: """
            Inserts one job of the entry with cron_key = KEY and cron_at = now, whether or not the key is enabled; \
            the schedule is unchanged. KEY must be declared by this app (or GOOD_JOB_CRON): a key seen only in the \
            database belongs to another app, which alone knows its class and arguments.

            Example:
              gaffer cron run nightly_report
            """)

    @OptionGroup var key: CronKeyArgument
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let app = GafferApp.current
            let entries = try app.cronEntries(environment: ProcessInfo.processInfo.environment)
            let shown = CronKeyArgument.Messages.shown(key.key)
            let id = try await database.withConnection { db -> UUID? in
                guard case .declared(let entry) = try await key.find(in: entries, on: db) else {
                    throw CLIError.runtime(CronKeyArgument.Messages.notDeclared(key.key, app: app.name))
                }
                do {
                    return try await CronEnqueuer.enqueueNow(entry, db, registry: app.registry)
                } catch let refusal as ConcurrencyLimitExceeded {
                    throw CLIError.runtime("cron key \(shown) not enqueued: \(refusal)")
                }
            }
            guard let id else {
                throw CLIError.runtime("cron key \(shown): a job for this second exists already; nothing enqueued")
            }
            Terminal.line("enqueued cron key \(shown) now: job \(id.uuidString.lowercased())")
        }
    }
}
