import ArgumentParser

/// `gaffer cron disable KEY`.
struct CronDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Turn a cron key off for every cron process (GoodJob's dashboard Disable).",
        discussion: """
            Adds KEY to good_job_settings cron_keys_disabled and removes it from cron_keys_enabled, as GoodJob's \
            dashboard does. Fires are skipped (not caught up later); jobs already enqueued still run.

            Example:
              gaffer cron disable nightly_report
            """)

    @OptionGroup var key: CronKeyArgument
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await key.setEnabled(false, database: database)
    }
}
