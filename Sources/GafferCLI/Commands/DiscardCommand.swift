import ArgumentParser

/// `gaffer discard ID…`: finish waiting jobs with GoodJob's discard error, as the dashboard does.
struct DiscardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract: "Discard queued, scheduled or retrying jobs (running jobs are refused).",
        discussion: """
            Each job is finished with "GoodJob::Job::DiscardJobError: Discarded through dashboard", exactly as \
            GoodJob's dashboard writes it. A job a worker is running or has claimed is left alone.

            Example:
              gaffer discard 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10
            """)

    @OptionGroup var ids: JobIDArguments
    @OptionGroup var database: DatabaseOptions

    func validate() throws { try ids.requireSome(command: "discard") }

    func run() async throws {
        try await reportingErrors {
            try await database.withConnection { db in
                try await JobActionRun.perform(.discard, ids: ids.uuids, on: db)
            }
        }
    }
}
