import ArgumentParser
import Foundation
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
                let matching = try await Self.discardedIDs(db, queue: queue, jobClass: jobClass)
                let filters = [queue.map { "queue \($0)" }, jobClass.map { "class \($0)" }].compactMap { $0 }
                let scope = filters.isEmpty ? "" : " (\(filters.joined(separator: ", ")))"
                Terminal.line("\(matching.count) discarded job\(matching.count == 1 ? "" : "s") match\(matching.count == 1 ? "es" : "")\(scope)")
                guard !matching.isEmpty else { return }
                if !yes, !(try Confirmation.ask("Retry \(matching.count) discarded job\(matching.count == 1 ? "" : "s")?")) {
                    Terminal.line("nothing retried")
                    return
                }
                try await JobActionRun.perform(.retry, ids: matching, perJobNotes: false, on: db)
            }
        }
    }

    /// Every discarded job's id in the filter, newest first, read a page at a time.
    static func discardedIDs(_ db: PostgresConnection, queue: String?, jobClass: String?) async throws -> [UUID] {
        let scope = JobListScope(state: .discarded, queue: queue, jobClass: jobClass)
        var ids: [UUID] = []
        var cursor: JobListCursor?
        let now = Date()
        while true {
            let page = try await MonitorQueries.jobs(db, scope: scope, now: now, after: cursor, limit: 500)
            ids += page.map(\.id)
            guard page.count == 500, let last = page.last else { return ids }
            cursor = JobListCursor(sortAt: last.sortAt, id: last.id)
        }
    }
}
