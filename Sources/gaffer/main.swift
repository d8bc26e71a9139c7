import ArgumentParser

/// The `gaffer` command: a GoodJob-compatible worker and terminal monitor.
struct Gaffer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaffer",
        abstract: "PostgreSQL job worker and terminal monitor speaking GoodJob's tables.")
}

Gaffer.main()
