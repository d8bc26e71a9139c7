import ArgumentParser
import GafferCore

/// `gaffer destroy ID…` or `gaffer destroy --discarded|--succeeded FILTERS [--yes]`: delete finished jobs
/// and their executions.
struct DestroyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Delete finished (succeeded or discarded) jobs and their executions: named, or matching filters.",
        discussion: """
            Unfinished jobs are refused: discard them first. With --discarded and/or --succeeded, every \
            finished job of those states matching the filters is deleted, 500 per transaction; on a terminal \
            it is a dry run unless --yes is given.

            Example:
              gaffer destroy 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10 5b2e9c1a-7d3f-4e8b-a6c0-9f1d2e3b4a5c
              gaffer destroy --discarded --before 2026-07-01 --yes
            """)

    @OptionGroup var ids: JobIDArguments

    @Flag(help: "Destroy every discarded job matching the filters.")
    var discarded = false

    @Flag(help: "Destroy every succeeded job matching the filters.")
    var succeeded = false

    @OptionGroup(title: "Filters (with --discarded or --succeeded)") var filters: JobFilterOptions

    @OptionGroup var database: DatabaseOptions

    var states: [JobState] { (discarded ? [.discarded] : []) + (succeeded ? [.succeeded] : []) }

    func validate() throws {
        if !ids.ids.isEmpty && !states.isEmpty {
            throw ValidationError("give job ids or --discarded/--succeeded, not both")
        }
        if ids.ids.isEmpty && states.isEmpty {
            throw ValidationError("destroy needs job ids or --discarded/--succeeded, e.g. `destroy --discarded --before 2026-07-01`")
        }
        if states.isEmpty && (filters.isGiven || filters.yes) {
            throw ValidationError("filters and --yes only go with --discarded or --succeeded")
        }
    }

    func run() async throws {
        try await reportingErrors {
            try await database.withConnection { db in
                guard !states.isEmpty else {
                    return try await JobActionRun.perform(.destroy, ids: ids.uuids, on: db)
                }
                try await BulkJobRun.perform(.destroy, states: states, noun: "finished", filters: filters, on: db)
            }
        }
    }
}
