import Foundation
import Testing

/// Issue 14 item 7: a copied or installed binary finds every shipped theme (compiled in) and the
/// user's own (`$XDG_CONFIG_HOME/gaffer/themes`, `<prefix>/share/gaffer/themes`, beside the binary);
/// `--theme` and `GAFFER_THEME` work on every screen command.
@Suite("themes are found where an installed binary looks")
struct ThemeLookupTests {
    static let unreachable = "postgresql://gaffer@127.0.0.1:1/nowhere"

    /// The built binaries copied to `<prefix>/bin/` under a scratch folder, run from `/`: `gaffer`, and
    /// `gaffer-example` for `start` (the stock binary has no job types and refuses it before the theme).
    struct Installed {
        let prefix = "/tmp/gaffer-theme-\(UInt32.random(in: 0...UInt32.max))"
        var binary: String { prefix + "/bin/gaffer" }

        init() throws {
            try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
            // cp writes the copies in its own process: a write descriptor open in this one would be
            // inherited by the children other tests spawn meanwhile, and exec would fail "Text file busy".
            for name in ["gaffer", "gaffer-example"] {
                _ = try Spawn.run(["/bin/cp", try Binary.path(name), prefix + "/bin/" + name])
            }
        }

        func run(_ arguments: [String], _ extra: [String: String] = [:]) async throws -> Binary.Result {
            let binary = prefix + "/bin/" + (arguments.first == "start" ? "gaffer-example" : "gaffer")
            var env = Binary.environment(home: prefix + "/home", ["XDG_CONFIG_HOME": prefix + "/config"])
            env.merge(extra) { _, new in new }
            let process = try Binary.Running(executable: binary, arguments: arguments, env: env)
            return try await process.wait(timeout: 60)
        }

        func write(_ name: String, in folder: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: prefix + "/" + folder, withIntermediateDirectories: true)
            try text.write(toFile: "\(prefix)/\(folder)/\(name).theme", atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: prefix) }
    }

    /// Past the theme, the command reaches the (unreachable) database: exit 1, naming it, not the theme.
    func expectThemeAccepted(_ result: Binary.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("theme"), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["light", "high-contrast", "dark", "mono", "default"])
    func everyShippedThemeWorksFromACopiedBinary(name: String) async throws {
        let installed = try Installed()
        defer { installed.remove() }
        for command in [["demo", "--no-tui", "--duration", "1"], ["start", "--no-tui"]] {
            expectThemeAccepted(try await installed.run(command + ["--theme", name, "--database-url", Self.unreachable]))
        }
        expectThemeAccepted(try await installed.run(["demo", "--no-tui", "--database-url", Self.unreachable],
                                                    ["GAFFER_THEME": name]))
    }

    @Test func userAndPrefixThemesAreFoundAndABadOneIsNamed() async throws {
        let installed = try Installed()
        defer { installed.remove() }
        try installed.write("mine", in: "config/gaffer/themes", "text = default\nmuted = bright-black dim\n")
        try installed.write("site", in: "share/gaffer/themes", "text = default\n")
        try installed.write("beside", in: "bin/themes", "text = default\n")
        for name in ["mine", "site", "beside"] {
            expectThemeAccepted(try await installed.run(["demo", "--no-tui", "--theme", name, "--database-url", Self.unreachable]))
        }
        try installed.write("broken", in: "config/gaffer/themes", "text = purple\n")
        let broken = try await installed.run(["start", "--no-tui", "--theme", "broken", "--database-url", Self.unreachable])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.theme") && broken.stderr.contains("purple"), "\(broken.stderr)")
        let missing = try await installed.run(["start", "--no-tui", "--database-url", Self.unreachable], ["GAFFER_THEME": "nosuch"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("GAFFER_THEME nosuch") && missing.stderr.contains("high-contrast"),
                "\(missing.stderr)")
        #expect(missing.stderrLines.count == 1)
    }
}
