import ArgumentParser

/// `gaffer retry ID…` or `gaffer retry --discarded [filters] [--yes]`.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Re-enqueue discarded jobs: the ones named, or every discarded job matching filters.",
        discussion: """
            A retried job keeps its id and its last error and runs again now, as GoodJob's dashboard retries it. The \
            bulk form (--discarded) counts the matching jobs and, on a terminal, stops there (a dry run) unless \
            --yes is given; with --yes it retries them 500 per transaction, skipping and counting the jobs a \
            worker holds.

            Example:
              gaffer retry 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10
              gaffer retry --discarded --queue publications --yes
              gaffer retry --discarded --class BulkInfluencerJob --before 2026-07-20T12:00:00Z
            """)

    @OptionGroup var ids: JobIDArguments

    @Flag(help: "Retry every discarded job matching the filters below.")
    var discarded = false

    @OptionGroup(title: "Filters (with --discarded)") var filters: JobFilterOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if discarded && !ids.ids.isEmpty {
            throw ValidationError("give job ids or --discarded, not both")
        }
        if !discarded && ids.ids.isEmpty {
            throw ValidationError("retry needs job ids or --discarded, e.g. `retry --discarded --queue default`")
        }
        if !discarded && (filters.isGiven || filters.yes) {
            throw ValidationError("filters and --yes only go with --discarded")
        }
    }

    func run() async throws {
        try await reportingErrors {
            try await database.withConnection { db in
                guard discarded else {
                    return try await JobActionRun.perform(.retry, ids: ids.uuids, on: db)
                }
                try await BulkJobRun.perform(.retry, states: [.discarded], noun: "discarded", filters: filters, on: db)
            }
        }
    }
}
