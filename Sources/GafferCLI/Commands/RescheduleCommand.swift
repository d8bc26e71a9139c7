import ArgumentParser
import Foundation

/// `gaffer reschedule ID… [--at TIME]`: move waiting jobs to run now or at a given time.
struct RescheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Make waiting jobs due now (\"run now\"), or at --at TIME.",
        discussion: """
            Only scheduled_at changes (GoodJob's reschedule_job). TIME is ISO 8601 with a zone, or "YYYY-MM-DD \
            HH:MM[:SS]" in UTC, or now.

            Example:
              gaffer reschedule 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10
              gaffer reschedule 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10 --at 2026-07-20T15:30:00Z
            """)

    @OptionGroup var ids: JobIDArguments

    @Option(help: "When the jobs should run (default: now).")
    var at: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws { try ids.requireSome(command: "reschedule") }

    func run() async throws {
        try await reportingErrors {
            let when = try at.map { try TimeArgument.parse($0, option: "--at", now: Date()) }
            try await database.withConnection { db in
                try await JobActionRun.perform(.reschedule, ids: ids.uuids, scheduledAt: when, on: db)
            }
        }
    }
}
