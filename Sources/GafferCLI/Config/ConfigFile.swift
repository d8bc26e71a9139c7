import Foundation
import GafferConfig

/// Finds and reads `config.toml`: `--config PATH`, else `$XDG_CONFIG_HOME/gaffer/config.toml`, else
/// `~/.config/gaffer/config.toml`. A missing default file is no config; a missing `--config` file is an error.
enum ConfigFile {
    /// The file to read, and whether the user named it.
    static func location(_ given: String?, environment: [String: String]) -> (path: String, named: Bool)? {
        if let given { return (given, true) }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return (xdg + "/gaffer/config.toml", false) }
        if let home = environment["HOME"], !home.isEmpty { return (home + "/.config/gaffer/config.toml", false) }
        return nil
    }

    /// The settings of the config file in force; a usage error naming the file, the line and the fix for a bad one.
    static func load(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CLIError) -> ConfigSettings
    {
        guard let (path, named) = location(given, environment: environment) else { return .none }
        guard FileManager.default.fileExists(atPath: path) else {
            if named { throw CLIError.usage("--config \(path): no such file; give the path of a config.toml (README, Config file)") }
            return .none
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIError.usage("\(path): cannot read it as UTF-8 text (\(error.localizedDescription)); fix its permissions or "
                + (named ? "point --config elsewhere" : "move it away"))
        }
        do {
            let document = try ConfigDocument.parse(text)
            return try ConfigSettings.interpret(document, path: path)
        } catch let error as ConfigSyntaxError {
            throw problem(path, ConfigProblem(line: error.line, error.message))
        } catch let error as ConfigProblem {
            throw problem(path, error)
        } catch {
            throw CLIError.usage("\(path): \(error)")
        }
    }

    /// `path:line: message`, as compilers name a place in a file.
    static func problem(_ path: String, _ problem: ConfigProblem) -> CLIError {
        CLIError.usage(problem.line > 0 ? "\(path):\(problem.line): \(problem.message)" : "\(path): \(problem.message)")
    }
}
