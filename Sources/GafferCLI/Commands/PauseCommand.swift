import ArgumentParser

/// `gaffer pause --queue Q | --class C | --label L`.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Stop every worker from starting jobs of a queue, class or label.",
        discussion: """
            The pause is stored in GoodJob's good_job_settings, so it applies to every Gaffer worker and to Ruby \
            workers started with GOOD_JOB_ENABLE_PAUSES=true. Waiting jobs stay queued.

            Example:
              gaffer pause --queue bulk
              gaffer pause --class SocialMediaPublicationDailySyncJob
            """)

    @OptionGroup var target: PauseTarget
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await target.apply(paused: true, database: database)
    }
}
