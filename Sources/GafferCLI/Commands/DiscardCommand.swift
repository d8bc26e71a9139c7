import ArgumentParser

/// `gaffer discard ID…`, `gaffer discard --force ID…` or `gaffer discard FILTERS [--yes]`: finish jobs with
/// GoodJob's discard error, as the dashboard does.
struct DiscardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract: "Discard queued, scheduled or retrying jobs: the ones named, or every one matching filters.",
        discussion: """
            Each job is finished with "GoodJob::Job::DiscardJobError: Discarded through dashboard", exactly as \
            GoodJob's dashboard writes it. A job a worker is running or has claimed is left alone.

            With filters instead of ids, every waiting job that matches is discarded, 500 per transaction, the \
            ones a worker holds skipped and counted; on a terminal it is a dry run (the count and what would \
            happen) unless --yes is given.

            --force discards running jobs whose process is gone or stuck, as GoodJob's dashboard's force \
            discard: no lock is asked, the job is marked discarded ("Force discarded through dashboard") and \
            no longer claimed or retried, but a process still running it is not stopped, and when it ends it \
            may write its own result over the discard.

            Example:
              gaffer discard 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10
              gaffer discard --queue imports --class CsvImportJob --before 2026-07-20T12:00:00Z --yes
              gaffer discard --force 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10
            """)

    @OptionGroup var ids: JobIDArguments

    @Flag(help: "Force-discard running jobs (named by id) whose process is gone or stuck.")
    var force = false

    @OptionGroup(title: "Filters (instead of ids)") var filters: JobFilterOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if ids.ids.isEmpty && !filters.isGiven {
            throw ValidationError("discard needs job ids or filters, e.g. `discard --queue imports --class CsvImportJob`")
        }
        if !ids.ids.isEmpty && (filters.isGiven || filters.yes) {
            throw ValidationError("give job ids or filters, not both")
        }
        if force && ids.ids.isEmpty {
            throw ValidationError("--force takes job ids, not filters: force-discard running jobs one by one")
        }
    }

    func run() async throws {
        try await reportingErrors {
            try await database.withConnection { db in
                if !ids.ids.isEmpty {
                    return try await JobActionRun.perform(force ? .forceDiscard : .discard, ids: ids.uuids, on: db)
                }
                try await BulkJobRun.perform(.discard, states: [.queued, .scheduled, .retried], noun: "waiting",
                                             filters: filters, on: db)
            }
        }
    }
}
