import ArgumentParser
import Foundation
import GafferEngine

/// The `gaffer` command line: every subcommand, for the stock binary and for apps that embed Gaffer.
public struct GafferCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        let app = GafferApp.current
        var subcommands: [any ParsableCommand.Type] = [
            StartCommand.self, StatusCommand.self, ShowCommand.self, RetryCommand.self, DiscardCommand.self, RescheduleCommand.self,
            DestroyCommand.self, EnqueueCommand.self, PauseCommand.self, UnpauseCommand.self, CronCommand.self,
            MigrateCommand.self, CleanupCommand.self, TopCommand.self,
        ]
        if app.demo != nil { subcommands.insert(DemoCommand.self, at: 0) }
        return CommandConfiguration(
            commandName: app.name,
            abstract: "A PostgreSQL job worker and terminal monitor that speaks GoodJob's tables.",
            discussion: "Database: --database-url, else $DATABASE_URL, else PGHOST/PGDATABASE/PGSERVICE, else the embedded default.",
            version: "\(app.name) \(GafferVersion.current)",
            subcommands: subcommands)
    }

    public init() {}
}

extension GafferCommand {
    /// Runs the command line for `app`: the whole of an app's `main.swift`. Exits with 0, 1 (runtime
    /// failure) or 2 (usage).
    public static func run(app: GafferApp) async {
        await GafferApp.$current.withValue(app) {
            await runFromCommandLine()
        }
    }

    /// Parses `CommandLine.arguments` and runs the chosen subcommand for `GafferApp.current`.
    public static func runFromCommandLine() async {
        ProcessArguments.hidePasswords()
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // Help and version requests exit 0 as usual; usage errors are one line and exit 2.
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
            Terminal.error("\(message) (see `\(helpCommand()) --help`)")
            Foundation.exit(CLIError.Code.usage.rawValue)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// `gaffer retry` when the arguments name a subcommand, else `gaffer`.
    static func helpCommand() -> String {
        let name = GafferApp.current.name
        let arguments = CommandLine.arguments.dropFirst()
        guard let first = arguments.first,
              let sub = configuration.subcommands.first(where: { $0._commandName == first }) else { return name }
        if let second = arguments.dropFirst().first,
           sub.configuration.subcommands.contains(where: { $0._commandName == second }) {
            return "\(name) \(first) \(second)"
        }
        return "\(name) \(first)"
    }
}
