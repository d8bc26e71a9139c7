import ArgumentParser

/// `gaffer cron`: the parent of `cron list`, `enable`, `disable` and `run`.
struct CronCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cron",
        abstract: "Cron entries: the app's schedule and what the database saw of it; turn keys on or off, run one now.",
        subcommands: [CronListCommand.self, CronEnableCommand.self, CronDisableCommand.self, CronRunCommand.self])
}
