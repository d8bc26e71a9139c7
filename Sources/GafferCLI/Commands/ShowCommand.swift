import ArgumentParser
import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferUI
import Postgres

/// `gaffer show ID`: one job's detail, as the screen's detail view shows it, found by its id or the start of it.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one job: its facts, why it is not running, error, arguments and attempts.",
        discussion: """
            ID is a job id or its first characters (hex digits, dashes optional), as the screen and \
            `gaffer status --json` show them. A prefix that matches several jobs is refused with a few of \
            them listed (exit 2); an id that matches none exits 1.

            Example:
              gaffer show 0d8f4b7e
              gaffer show 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10 --json | jq .state
            """)

    @Argument(help: "A job id, or the start of one.")
    var id: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let prefix = try JobLookup.prefix(id)
            try await database.withConnection { db in
                let found = try await JobLookup.one(prefix, typed: id, on: db)
                let now = Date()
                guard let detail = try await MonitorQueries.jobDetail(db, id: found, now: now) else {
                    throw CLIError.runtime(JobLookup.notFound(id))
                }
                let snapshot = await MonitorPoller(connection: db, clock: { now }).refresh()
                if json {
                    Terminal.line(JobDetailJSON.value(detail, snapshot, now: now).serialized())
                } else {
                    MonitorUI.detailText(detail, snapshot).forEach(Terminal.line)
                }
            }
        }
    }
}
