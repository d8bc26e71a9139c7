import ArgumentParser
import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import Postgres

/// `gaffer retry ID…` or `gaffer retry --discarded [--queue Q] [--class C] [--yes]`.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Re-enqueue discarded jobs: the ones named, or every discarded job matching filters.",
        discussion: """
            A retried job keeps its id and its last error and runs again now, as GoodJob's dashboard retries it. The \
            bulk form prints how many jobs match and asks before retrying them, unless --yes is given; jobs that a \
            worker holds are skipped.

            Example:
              gaffer retry 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10
              gaffer retry --discarded --queue publications --yes
              gaffer retry --discarded --class BulkInfluencerJob
            """)

    @OptionGroup var ids: JobIDArguments

    @Flag(help: "Retry every discarded job (narrow it with --queue and --class).")
    var discarded = false

    @Option(help: "With --discarded: only jobs of this queue.")
    var queue: String?

    @Option(name: .customLong("class"), help: "With --discarded: only jobs of this class.")
    var jobClass: String?

    @Flag(help: "With --discarded: do not ask for confirmation.")
    var yes = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if discarded && !ids.ids.isEmpty {
            throw ValidationError("give job ids or --discarded, not both")
        }
        if !discarded && ids.ids.isEmpty {
            throw ValidationError("retry needs job ids or --discarded, e.g. `retry --discarded --queue default`")
        }
        if !discarded && (queue != nil || jobClass != nil || yes) {
            throw ValidationError("--queue, --class and --yes only go with --discarded")
        }
    }

    func run() async throws {
        try await reportingErrors {
            try await database.withConnection { db in
                guard discarded else {
                    return try await JobActionRun.perform(.retry, ids: ids.uuids, on: db)
                }
                let scope = JobListScope(state: .discarded, queue: queue, jobClass: jobClass)
                let matching = try await MonitorActions(connection: db).ids(in: scope)
                let filters = [queue.map { "queue \($0)" }, jobClass.map { "class \($0)" }].compactMap { $0 }
                let narrowed = filters.isEmpty ? "" : " (\(filters.joined(separator: ", ")))"
                Terminal.line("\(matching.count) discarded job\(matching.count == 1 ? "" : "s") match\(matching.count == 1 ? "es" : "")\(narrowed)")
                guard !matching.isEmpty else { return }
                if !yes, !(try Confirmation.ask("Retry \(matching.count) discarded job\(matching.count == 1 ? "" : "s")?")) {
                    Terminal.line("nothing retried")
                    return
                }
                try await JobActionRun.perform(.retry, ids: matching, perJobNotes: false, on: db)
            }
        }
    }
}
