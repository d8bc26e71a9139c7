import ArgumentParser

/// `gaffer cron enable KEY`.
struct CronEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Turn a cron key on for every cron process (GoodJob's dashboard Enable).",
        discussion: """
            Adds KEY to good_job_settings cron_keys_enabled and removes it from cron_keys_disabled, as GoodJob's \
            dashboard does; Gaffer and Ruby cron processes read them at every fire. KEY is one the app declares or \
            one the database has seen (`gaffer cron list`).

            Example:
              gaffer cron enable nightly_report
            """)

    @OptionGroup var key: CronKeyArgument
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await key.setEnabled(true, database: database)
    }
}
