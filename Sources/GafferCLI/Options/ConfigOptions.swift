import ArgumentParser

/// Where the settings file is (`top`, `start`, `demo`, `status`).
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Settings file (theme, interval, bell, [alerts], [keys]). Default: $XDG_CONFIG_HOME/gaffer/config.toml, "
            + "else ~/.config/gaffer/config.toml, when it exists. Flags override it.",
        valueName: "path"))
    var config: String?

    func load() throws(CLIError) -> ConfigSettings { try ConfigFile.load(config) }
}
