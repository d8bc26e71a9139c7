import Foundation
import TerminalKit

/// Finds the theme the screen draws with: `--theme`, else `GAFFER_THEME`, else `NO_COLOR`'s
/// monochrome, else dark. A name is looked up as `NAME.theme` where an installed binary can find
/// it, then among the compiled-in copies of the shipped themes; a path is read as is.
public enum ThemeChoice {
    /// A resolved theme and whether to use colour at all.
    public struct Look: Sendable {
        public var theme: Theme
        public var colors: Bool
    }

    static let aliases = ["default": "dark", "monochrome": "mono"]

    public static func resolve(_ name: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               executable: String = runningBinary) throws -> Look
    {
        let given = name ?? environment["GAFFER_THEME"].flatMap { $0.isEmpty ? nil : $0 }
        guard let given else {
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return Look(theme: .builtinMono, colors: false) }
            return Look(theme: .builtinDark, colors: true)
        }
        let source = name == nil ? "GAFFER_THEME" : "--theme"
        if given.contains("/") || given.hasSuffix(".theme") { return try load(given, source: source) }
        let wanted = aliases[given] ?? given
        let directories = searchDirectories(environment: environment, executable: executable)
        if let path = directories.map({ "\($0)/\(wanted).theme" }).first(where: FileManager.default.fileExists) {
            return try load(path, source: source)
        }
        if let compiled = Theme.shipped.first(where: { $0.name == wanted }) { return look(compiled) }
        let known = Set(Theme.shipped.map(\.name) + aliases.keys + names(in: directories)).sorted()
        throw ThemeChoiceError("\(source) \(given): no such theme; use one of \(known.joined(separator: ", ")), "
                             + "a .theme file in \(directories.joined(separator: " or ")), or a path to one")
    }

    /// The running binary's own path: argv[0] is a bare name when it was found on PATH.
    public static var runningBinary: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func look(_ theme: Theme) -> Look { Look(theme: theme, colors: theme.name != "mono") }

    static func load(_ path: String, source: String) throws -> Look {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeChoiceError("\(source): cannot read theme file \(path): \(error.localizedDescription)")
        }
        do {
            return look(try Theme.parse(text, name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent))
        } catch {
            throw ThemeChoiceError("\(source): theme file \(path): \(error)")
        }
    }

    /// `$XDG_CONFIG_HOME/gaffer/themes` (default `~/.config`), `<prefix>/share/gaffer/themes` for a
    /// binary in `<prefix>/bin`, and `themes` beside the binary.
    static func searchDirectories(environment: [String: String], executable: String) -> [String] {
        var directories: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            directories.append(config + "/gaffer/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(home + "/.config/gaffer/themes")
        }
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        directories.append(binary.appendingPathComponent("../share/gaffer/themes").standardized.path)
        directories.append(binary.appendingPathComponent("themes").path)
        return directories
    }

    static func names(in directories: [String]) -> [String] {
        directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }
        }
    }
}
