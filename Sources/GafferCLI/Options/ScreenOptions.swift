import ArgumentParser
import GafferRuntime

/// The screen's look, shared by every command that draws it (`top`, `start`, `demo`).
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Colour theme: dark (default), light, high-contrast, mono, a NAME.theme in $XDG_CONFIG_HOME/gaffer/themes, "
            + "<prefix>/share/gaffer/themes or beside the binary, or a path to a .theme file. Default: $GAFFER_THEME; "
            + "NO_COLOR picks mono.",
        valueName: "name|path"))
    var theme: String?

    /// The theme to draw with; a bad name or file is a usage error naming it.
    func look() throws -> ThemeChoice.Look {
        do { return try ThemeChoice.resolve(theme) } catch let error as ThemeChoiceError { throw CLIError.usage(error.description) }
    }
}
