import Foundation
import TerminalKit

/// Finds the theme `--theme` names: a built-in, a `.theme` file by path, or `NAME.theme` in the
/// themes folders; without `--theme`, `NO_COLOR` chooses the monochrome theme.
enum ThemeChoice {
    static let builtins: [String: Theme] = [
        "default": .builtinDark, "dark": .builtinDark, "mono": .builtinMono, "monochrome": .builtinMono,
    ]

    /// The theme and whether to use colour at all.
    static func resolve(_ name: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (theme: Theme, colors: Bool)
    {
        guard let name else {
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return (.builtinMono, false) }
            return (.builtinDark, true)
        }
        if let builtin = builtins[name] { return (builtin, builtin != .builtinMono) }
        let isPath = name.contains("/") || name.hasSuffix(".theme")
        let candidates = isPath ? [name] : searchDirectories().map { "\($0)/\(name).theme" }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            let known = (Array(builtins.keys) + shippedNames()).sorted()
            throw CLIError.usage("no theme \"\(name)\"; use one of \(Set(known).sorted().joined(separator: ", ")) or a path to a .theme file")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError.usage("cannot read theme file \(path): \(error.localizedDescription)")
        }
        do {
            let theme = try Theme.parse(text, name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
            return (theme, true)
        } catch {
            throw CLIError.usage("theme file \(path): \(error)")
        }
    }

    /// `./themes`, then `themes` next to the executable and in the source tree above `.build/<config>/`.
    static func searchDirectories() -> [String] {
        // The running binary's own path: argv[0] is a bare name when it was found on PATH.
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let executable = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
        return [FileManager.default.currentDirectoryPath + "/themes",
                executable.appendingPathComponent("themes").path,
                executable.appendingPathComponent("../../../themes").standardized.path,
                executable.appendingPathComponent("../share/gaffer/themes").standardized.path]
    }

    static func shippedNames() -> [String] {
        searchDirectories().flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }
        }
    }
}
