import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// `gaffer top` under tmux with a config file: the header shows a staged alert, a remapped key opens
/// its view and the old key no longer does, and the remap shows in the footer.
@Suite(.serialized,
       .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: gafferBinary),
                "no built binary at .build/debug/gaffer: run `swift build --product gaffer` first"))
struct AlertScreenTests {
    @Test func aStagedAlertShowsAndARemappedKeyWorksEndToEnd() async throws {
        let config = try await TestServer.freshDatabase("e2e")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        // A job ready for 20 minutes: latency past the default critical level (15 min).
        try await HostileRows.insert(db, params: "{}", at: Date().addingTimeInterval(-1200), queue: "mailers")
        await db.close()
        let home = ScratchHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        let file = home.path + "/config.toml"
        try """
            # the operator's settings
            interval = 0.5

            [keys]
            open-history = "U"
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(home.path)' '\(gafferBinary)' top "
                             + "--database-url '\(config.conninfo)' --config '\(file)' 2>/dev/null", width: 80, height: 24)

        let screen = try await tmux.waitFor("the critical latency alert in the header") {
            $0.split(separator: "\n").first?.contains("CRITICAL mailers waits 2") == true
        }
        #expect(screen.contains("500ms"), "the file's interval:\n\(screen)")

        // H is no longer bound: the help hint says so and the panes stay.
        try await tmux.keys("H")
        try await tmux.waitFor(text: "H does nothing here; ? lists the keys")
        // U opens the history view.
        try await tmux.keys("U")
        try await tmux.waitFor(text: "History · per minute, last hour")
        try await tmux.keys("Escape")
        try await tmux.waitFor("the panes again") { $0.contains("Processes") && !$0.contains("History ·") }
        // The help lists the new key against the action (near its end: G scrolls there).
        try await tmux.keys("?")
        try await tmux.waitFor(text: "Keys")
        try await tmux.keys("G")
        try await tmux.waitFor("U against History in the help") { help in
            help.split(separator: "\n").contains { $0.contains("│U ") && $0.contains("History:") }
        }
        try await tmux.keys("Escape", "q")
        try await tmux.waitFor(text: "EXIT=0")
    }
}
