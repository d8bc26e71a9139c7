import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Issue 14 item 9 under tmux: `gaffer top` on a server of its own that the test stops and starts
/// again. While it is down the screen says NO DATABASE with the data's age counting up, greys the
/// numbers and keeps its clock running; once the server is back it is live again.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
struct OutageScreenTests {
    /// Runs a blocking call (pg_ctl) on its own thread, off Swift's cooperative pool.
    static func blocking(_ body: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    @Test func theScreenTurnsStaleWhileTheDatabaseIsDownThenLiveAgain() async throws {
        let directory = "/tmp/gaffer-outage-\(getpid())-\(UInt16.random(in: 0...UInt16.max))"
        guard let server = try? EmbeddedPostgres(directory: directory, port: 5432) else { return }  // no server binaries
        defer { try? server.stop(); ScratchRemoval.removeInBackground(directory) }
        try await Self.blocking { try server.start(extraSettings: EmbeddedPostgres.throwawaySettings) }
        let db = try await PostgresConnection.connect(server.config())
        try await Migrator.migrate(db)
        try await db.execute("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            SELECT g, g, 'default', 0, jsonb_build_object('job_class', 'ImportJob', 'arguments', '[]'::jsonb),
                   now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', 'ImportJob'
            FROM (SELECT gen_random_uuid() AS g FROM generate_series(1, 4)) jobs
            """)
        await db.close()
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no '\(gafferBinary)' top --database-url '\(server.config().conninfo)'"
                             + " 2>/dev/null", width: 120, height: 40)
        try await tmux.waitFor("the live panes") { $0.contains("4 ready · live") && !$0.contains("NO DATABASE") }

        try await Self.blocking { try server.stop() }
        let down = try await tmux.waitFor("the outage banner", seconds: 30) { $0.contains("NO DATABASE · data ") }
        #expect(down.contains("database unreachable"))
        func age(_ screen: String) -> Int? {
            guard let range = screen.range(of: #"data (\d+)s old"#, options: .regularExpression) else { return nil }
            return Int(screen[range].dropFirst(5).prefix { $0.isNumber })
        }
        let first = try #require(age(down))
        let later = try await tmux.waitFor("the age to count up", seconds: 30) { (age($0) ?? 0) > first }
        #expect(!later.contains("4 ready · live"))
        let coloured = try await tmux.captureWithEscapes()
        #expect(coloured.contains("NO DATABASE"))

        try await Self.blocking { _ = try server.start(extraSettings: EmbeddedPostgres.throwawaySettings) }
        try await tmux.waitFor("the screen to be live again", seconds: 40) { screen in
            screen.contains("4 ready · live") && !screen.contains("NO DATABASE") && !screen.contains("unreachable")
        }
        try await tmux.keys("q")
        try await tmux.waitFor(text: "EXIT=0")
    }
}
