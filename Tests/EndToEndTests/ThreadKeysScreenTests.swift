import Foundation
import GafferTestSupport
import Postgres
import Testing

/// `]` and `[` in the Threads pane of `gaffer demo`: the co-hosted worker's pool grows and shrinks,
/// the pane and the process row follow.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct ThreadKeysScreenTests {
    /// The demo pool's `max_threads` in its process row, as GoodJob's dashboard reads it.
    static func rowThreads(_ db: PostgresConnection) async throws -> Int? {
        try await db.query("SELECT (state->'schedulers'->0->>'max_threads')::int AS n FROM good_job_processes")
            .first?.decode("n", as: Int?.self)
    }

    /// The local slots the Threads pane lists (`│#1 `, `│#2 `, …).
    static func slotRows(_ screen: String) -> Int {
        screen.split(separator: "\n").filter { $0.range(of: #"^│#\d+ "#, options: .regularExpression) != nil }.count
    }

    @Test func bracketsChangeTheDemoPoolsThreadsOnTheScreenAndInTheProcessRow() async throws {
        let url = try await TestServerDatabase.fresh("threads")
        let db = try await TestServerDatabase.connect(url)
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(home.path)' DATABASE_URL='\(url)' '\(try Binary.path("gaffer"))' demo --duration 120 2>/dev/null",
                             width: 140, height: 40)
        try await tmux.waitFor("the demo's five threads") { $0.contains("/5 busy") && Self.slotRows($0) == 5 }
        #expect(try await Self.rowThreads(db) == 5)

        try await tmux.keys("]")
        try await tmux.waitFor("six threads and the change reported") {
            $0.contains("/6 busy") && $0.contains("pool 1 (*): 5 → 6 threads") && Self.slotRows($0) == 6
        }
        try await TestWait.until("the process row at 6 threads") { try await Self.rowThreads(db) == 6 }

        for count in [5, 4, 3] {
            try await tmux.keys("[")
            try await tmux.waitFor("\(count) threads") {
                $0.contains("/\(count) busy") && $0.contains("pool 1 (*): \(count + 1) → \(count) threads; busy slots retire")
            }
            try await TestWait.until("the process row at \(count) threads") { try await Self.rowThreads(db) == count }
        }
        // The slots that were busy go once their jobs end: the pane lists exactly three again.
        try await tmux.waitFor("three slots, none retiring", seconds: 60) { !$0.contains("retiring") && Self.slotRows($0) == 3 }

        try await tmux.keys("q")
        try await tmux.waitFor(text: "w drain")
        try await tmux.keys("w")
        let after = try await tmux.waitFor("the demo to drain and exit", seconds: 60) { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        await db.close()
    }
}
