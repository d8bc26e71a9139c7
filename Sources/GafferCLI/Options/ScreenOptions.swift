import ArgumentParser
import Foundation
import GafferRuntime

/// The screen's look and mouse, shared by every command that draws it (`top`, `start`, `demo`).
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Colour theme: dark (default), light, high-contrast, mono, a NAME.theme in $XDG_CONFIG_HOME/gaffer/themes, "
            + "<prefix>/share/gaffer/themes or beside the binary, or a path to a .theme file. Default: $GAFFER_THEME, "
            + "then the config file's theme; NO_COLOR picks mono.",
        valueName: "name|path"))
    var theme: String?

    @Flag(name: .customLong("no-mouse"),
          help: "Leave the mouse to the terminal (text selection) instead of clicking panes and rows and scrolling.")
    var noMouse = false

    /// Whether the screen asks the terminal to report clicks and the wheel.
    var mouse: Bool { !noMouse }

    @Flag(inversion: .prefixedNo,
          help: "Ring the terminal bell once when an alert newly reaches warning or critical. Default: the config file's bell, else off.")
    var bell: Bool?

    /// The theme to draw with: `--theme`, `GAFFER_THEME`, then the file's; a bad name or file is a usage error naming it.
    func look(file: ConfigSettings = .none,
              environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIError) -> ThemeChoice.Look {
        let fromEnvironment = !(environment["GAFFER_THEME"] ?? "").isEmpty
        if theme == nil, !fromEnvironment, let (name, line) = file.theme, let path = file.path {
            do { return try ThemeChoice.resolve(name, environment: environment) } catch let error as ThemeChoiceError {
                throw ConfigFile.problem(path, ConfigProblem(line: line, "theme = \"\(name)\": \(error.description)"))
            } catch {
                throw ConfigFile.problem(path, ConfigProblem(line: line, "theme = \"\(name)\": \(error)"))
            }
        }
        do { return try ThemeChoice.resolve(theme) } catch let error as ThemeChoiceError { throw CLIError.usage(error.description) } catch {
            throw CLIError.usage("\(error)")
        }
    }
}
