import ArgumentParser

/// `gaffer cron`: the parent of `cron list`.
struct CronCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cron",
        abstract: "Cron entries: the app's schedule and what the database saw of it.",
        subcommands: [CronListCommand.self])
}
