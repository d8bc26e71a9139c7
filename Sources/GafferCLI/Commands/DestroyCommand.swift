import ArgumentParser

/// `gaffer destroy ID…`: delete finished jobs and their executions.
struct DestroyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Delete finished (succeeded or discarded) jobs and their executions.",
        discussion: """
            Unfinished jobs are refused: discard them first.

            Example:
              gaffer destroy 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10 5b2e9c1a-7d3f-4e8b-a6c0-9f1d2e3b4a5c
            """)

    @OptionGroup var ids: JobIDArguments
    @OptionGroup var database: DatabaseOptions

    func validate() throws { try ids.requireSome(command: "destroy") }

    func run() async throws {
        try await reportingErrors {
            try await database.withConnection { db in
                try await JobActionRun.perform(.destroy, ids: ids.uuids, on: db)
            }
        }
    }
}
