import ArgumentParser

/// `gaffer unpause --queue Q | --class C | --label L`.
struct UnpauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpause",
        abstract: "Lift a pause set by `pause`.",
        discussion: """
            Example:
              gaffer unpause --queue bulk
            """)

    @OptionGroup var target: PauseTarget
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await target.apply(paused: false, database: database)
    }
}
