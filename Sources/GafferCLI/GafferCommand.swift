import ArgumentParser
import Foundation

/// The `gaffer` command line: every subcommand, for the stock binary and for apps that embed Gaffer.
public struct GafferCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gaffer",
        abstract: "A PostgreSQL job worker and terminal monitor that speaks GoodJob's tables.",
        subcommands: [MigrateCommand.self, TopCommand.self])

    public init() {}
}

extension GafferCommand {
    /// Parses `CommandLine.arguments` and runs the chosen subcommand; the whole of a `main.swift`.
    public static func runFromCommandLine() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // Help and version requests exit 0 as usual; usage errors are one line and exit 2.
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
            Terminal.error("\(message) (see `gaffer --help`)")
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
}
