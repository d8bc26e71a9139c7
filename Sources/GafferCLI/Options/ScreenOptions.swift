import ArgumentParser
import GafferRuntime

/// The screen's look and mouse, shared by every command that draws it (`top`, `start`, `demo`).
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Colour theme: dark (default), light, high-contrast, mono, a NAME.theme in $XDG_CONFIG_HOME/gaffer/themes, "
            + "<prefix>/share/gaffer/themes or beside the binary, or a path to a .theme file. Default: $GAFFER_THEME; "
            + "NO_COLOR picks mono.",
        valueName: "name|path"))
    var theme: String?

    @Flag(name: .customLong("no-mouse"),
          help: "Leave the mouse to the terminal (text selection) instead of clicking panes and rows and scrolling.")
    var noMouse = false

    /// Whether the screen asks the terminal to report clicks and the wheel.
    var mouse: Bool { !noMouse }

    /// The theme to draw with; a bad name or file is a usage error naming it.
    func look() throws -> ThemeChoice.Look {
        do { return try ThemeChoice.resolve(theme) } catch let error as ThemeChoiceError { throw CLIError.usage(error.description) }
    }
}
