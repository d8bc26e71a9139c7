import Foundation
import GafferConfig
import GafferMonitorModel
import Testing
@testable import GafferCLI

/// `config.toml`: the TOML subset read with lines, its settings checked, and every bad entry refused in
/// one line naming the file, the line and the fix.
@Suite struct ConfigFileTests {
    static let good = """
        # gaffer settings
        theme = "light"   # a comment after a value
        interval = 2.5
        bell = true

        [alerts]
        max-latency = "2m,10m"
        max-failures = 20
        max-paused = 'off'

        [keys]
        open-history = "U"
        "open-log" = ["O", "F6"]
        """

    @Test func readsEveryValueWithItsLine() throws {
        let document = try ConfigDocument.parse(Self.good)
        #expect(document.entries.map(\.path) == ["theme", "interval", "bell", "alerts.max-latency", "alerts.max-failures",
                                                  "alerts.max-paused", "keys.open-history", "keys.open-log"])
        #expect(document.entries.map(\.line) == [2, 3, 4, 7, 8, 9, 12, 13])
        #expect(document.entries[7].value == .array([.string("O"), .string("F6")]))
    }

    @Test func interpretsTheSettings() throws {
        let settings = try ConfigSettings.interpret(try ConfigDocument.parse(Self.good), path: "c.toml")
        #expect(settings.theme?.name == "light")
        #expect(settings.interval == 2.5)
        #expect(settings.bell == true)
        #expect(settings.alerts == [.latency: AlertLimit(warning: 120, critical: 600),
                                    .failures: AlertLimit(warning: 20, critical: nil), .paused: .off])
        let table = try settings.keyTable()
        #expect(table.table.keys(for: .openHistory, in: .init(mode: .pane(.threads))) == [.character("U")])
        #expect(table.table.keys(for: .openLog, in: .init(mode: .pane(.threads))) == [.character("O"), .function(6)])
    }

    /// Each bad file, and the exact line it gets: file, line, what is wrong and the fix.
    @Test(arguments: [
        ("[alerts]\nmax-latency = \"5parsecs\"\n",
         "c.toml:2: max-latency = \"5parsecs\": give a time like 90s, 5m or 1h, then optionally a comma and the critical level (e.g. 5m,15m), or off"),
        ("\n\ntheme = light\n", "c.toml:3: light is not a value; quote text (\"light\"), or write a number, true or false"),
        ("interval = 0.01\n", "c.toml:1: interval = 0.01: give a number of seconds in 0.25…60, e.g. 2"),
        ("bell = \"yes\"\n", "c.toml:1: bell = \"yes\": write bell = true or bell = false"),
        ("thme = \"dark\"\n", "c.toml:1: unknown setting thme at the top: did you mean theme? the settings there are theme, interval, bell"),
        ("[alert]\n", "c.toml:1: unknown table [alert] (did you mean [alerts]?); the tables are [alerts] and [keys]"),
        ("[alerts]\nmax-latncy = \"5m\"\n", "c.toml:2: unknown setting max-latncy in [alerts]: did you mean max-latency? the settings there are max-latency, max-failures, max-heartbeat-age, max-paused"),
        ("[keys]\nopen-histroy = \"U\"\n", "c.toml:2: open-histroy = \"U\": no action \"open-histroy\": did you mean open-history? the action names are listed in the README (Config file)"),
        ("[keys]\nretry = \"nope\"\n", "c.toml:2: retry = \"nope\": \"nope\" is not a key; write one character (\"U\"), ^X for Ctrl-X, F1…F24, or Enter, Esc, Tab, Space, Up, Down, PgUp, PgDn, Home, End"),
        ("bell = true\nbell = false\n", "c.toml:2: bell is set twice (first on line 1); keep one"),
        ("[keys]\nopen-history = [\"U\"\n", "c.toml:2: the list is not closed; write it on one line, ending with ]"),
        ("theme = \"dark\n", "c.toml:1: the string is not closed; end it with \" on the same line"),
    ])
    func badEntriesNameTheLineAndTheFix(text: String, expected: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gaffer-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let path = url.appendingPathComponent("c.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ConfigFile.load(path, environment: [:])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.code == .usage)
            #expect(error.description == url.path + "/" + expected)
        }
    }

    @Test func twoRemapsOnOneKeyNameTheLaterLine() throws {
        let text = "[keys]\nopen-history = \"U\"\nopen-log = \"U\"\n"
        let settings = try ConfigSettings.interpret(try ConfigDocument.parse(text), path: "c.toml")
        #expect(throws: ConfigProblem.self) { try settings.keyTable() }
        do { _ = try settings.keyTable() } catch {
            #expect(error.line == 3)
            #expect(error.message.hasPrefix("open-log: U would do two things: it is bound to both 'history' and 'log'"))
        }
    }

    @Test func theDefaultFileIsFoundByXDGThenHomeAndMayBeAbsent() throws {
        #expect(ConfigFile.location(nil, environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])?.path == "/x/gaffer/config.toml")
        #expect(ConfigFile.location(nil, environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"])?.path
                == "/h/.config/gaffer/config.toml")
        #expect(ConfigFile.location("/given.toml", environment: ["HOME": "/h"])! == ("/given.toml", true))
        #expect(try ConfigFile.load(nil, environment: ["HOME": "/nonexistent-\(UUID().uuidString)"]).path == nil)
        #expect(throws: CLIError.self) { try ConfigFile.load("/nonexistent-\(UUID().uuidString).toml", environment: [:]) }
    }

    @Test func flagsOverrideTheFile() throws {
        let file = try ConfigSettings.interpret(try ConfigDocument.parse(Self.good), path: "c.toml")
        var alerts = try AlertOptions.parse(["--max-latency", "30s"])
        var thresholds = try alerts.thresholds(file: file)
        #expect(thresholds[.latency] == AlertLimit(warning: 30, critical: nil))
        #expect(thresholds[.failures] == AlertLimit(warning: 20, critical: nil))
        #expect(thresholds[.heartbeat] == AlertMetric.heartbeat.defaultLimit)
        alerts = try AlertOptions.parse(["--max-latency", "5parsecs"])
        #expect(throws: CLIError.self) { thresholds = try alerts.thresholds(file: file) }
    }
}
