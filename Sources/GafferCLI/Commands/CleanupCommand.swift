import ArgumentParser
import Foundation
import GafferStore

/// `gaffer cleanup [--before-seconds-ago N]`: GoodJob's `cleanup_preserved_jobs`.
struct CleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Delete preserved jobs (and their executions) that finished before a cutoff.",
        discussion: """
            Like GoodJob's `good_job cleanup_preserved_jobs`: jobs finished more than N seconds ago are deleted \
            oldest first, 1000 at a time, then finished batches. Discarded jobs are included unless \
            GOOD_JOB_CLEANUP_DISCARDED_JOBS=false. Unfinished jobs are never touched.

            Example:
              gaffer cleanup                              # older than 14 days
              gaffer cleanup --before-seconds-ago 86400   # older than a day
            """)

    @Option(parsing: .unconditional, help: "Age in seconds ($GOOD_JOB_CLEANUP_PRESERVED_JOBS_BEFORE_SECONDS_AGO, default 1209600 = 14 days).",
            transform: NumberInput.cleanupAge.doubleTransform("--before-seconds-ago"))
    var beforeSecondsAgo: Double?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let env = EnvironmentSettings(values: ProcessInfo.processInfo.environment)
            let seconds = try beforeSecondsAgo ?? env.double("GOOD_JOB_CLEANUP_PRESERVED_JOBS_BEFORE_SECONDS_AGO", .cleanupAge) ?? 1_209_600
            let includeDiscarded = try env.bool("GOOD_JOB_CLEANUP_DISCARDED_JOBS") ?? true
            let cutoff = Date().addingTimeInterval(-seconds)
            let result = try await database.withConnection { db in
                try await CleanupSQL.cleanupPreservedJobs(db, before: cutoff, includeDiscarded: includeDiscarded)
            }
            Terminal.line("deleted \(result.jobs) job(s) and \(result.executions) execution(s) finished before "
                + "\(StatusReport.clock(cutoff))\(includeDiscarded ? "" : " (discarded jobs kept)"), and \(result.batches) batch(es)")
        }
    }
}
