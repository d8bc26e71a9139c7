import Foundation
import GafferTestSupport
import Postgres
import Testing

/// A hangup (the terminal closed, the ssh session dropped) stops a foreground worker gracefully, as SIGTERM
/// does; a worker started under `nohup` keeps running through one.
@Suite struct HangupTests {
    static func start(_ setup: CommandTests.Setup, underNohup: Bool) throws -> Binary.Running {
        let binary = try Binary.path("gaffer-example")
        let arguments = ["start", "--no-tui", "--poll-interval", "1", "--database-url", setup.url]
        let env = Binary.environment(home: setup.home.path)
        return underNohup ? try Binary.Running(executable: "/usr/bin/nohup", arguments: [binary] + arguments, env: env)
                          : try Binary.Running(executable: binary, arguments: arguments, env: env)
    }

    /// The worker's notifier connects last in its start.
    static func waitStarted(_ db: PostgresConnection) async throws {
        try await TestWait.until("the worker's notifier session", timeout: 60) {
            try await db.query("""
                SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'GoodJob::Notifier'
                """).count == 1
        }
    }

    /// Runs `body` with a started `--no-tui` worker on a fresh database; kills the worker if it is still running after.
    static func withStartedWorker(underNohup: Bool,
                                  _ body: (CommandTests.Setup, PostgresConnection, Binary.Running) async throws -> Void)
        async throws
    {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let db = try await TestServerDatabase.connect(setup.url)
        defer { Task { await db.close() } }
        let worker = try start(setup, underNohup: underNohup)
        defer { if worker.process.isRunning { worker.signal(SIGKILL) } }
        try await waitStarted(db)
        try await body(setup, db, worker)
    }

    @Test func aHangupStopsTheWorkerGracefully() async throws {
        try await Self.withStartedWorker(underNohup: false) { _, db, worker in
            worker.signal(SIGHUP)
            let stopped = try await worker.wait(timeout: 60)
            #expect(stopped.status == 0, "\(stopped.stderr)")
            #expect(stopped.stderr.contains(": SIGHUP: stopping; waiting up to"), "\(stopped.stderr)")
            #expect(try await db.query("SELECT 1 FROM good_job_processes").isEmpty, "the process row is removed at a graceful stop")
        }
    }

    /// With the screen up, the terminal itself goes (tmux's server killed: the hangup an ssh drop gives). The
    /// worker must still stop gracefully, though every later write to that terminal fails.
    @Test(.enabled(if: Tmux.available, "tmux is not installed: the screen tests need it"))
    func aHangupUnderTheScreenStopsTheWorkerGracefully() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let db = try await TestServerDatabase.connect(setup.url)
        defer { Task { await db.close() } }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(setup.home.path)' '\(try Binary.path("gaffer-example"))' "
                             + "start --poll-interval 1 --database-url '\(setup.url)'", width: 120, height: 40)
        try await tmux.waitFor("the worker's screen") { $0.contains("1 Threads") }
        try await Self.waitStarted(db)
        #expect(try await db.query("SELECT 1 FROM good_job_processes").count == 1)
        tmux.kill()
        // A graceful stop deletes the process row and closes the notifier; a worker killed by the hangup leaves both.
        try await TestWait.until("the worker to stop gracefully after the hangup", timeout: 60) {
            let rows = try await db.query("SELECT 1 FROM good_job_processes").count
            let notifiers = try await db.query("""
                SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'GoodJob::Notifier'
                """).count
            return rows == 0 && notifiers == 0
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/nohup"), "needs nohup"))
    func underNohupAHangupIsIgnored() async throws {
        try await Self.withStartedWorker(underNohup: true) { setup, db, worker in
            worker.signal(SIGHUP)
            // Still working after the hangup: a job enqueued afterwards runs.
            let id = try await setup.run(["enqueue", "WelcomeJob", "--args", "[1]"], binary: "gaffer-example")
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try await TestWait.until("the job enqueued after the hangup to finish", timeout: 60) {
                try await db.query("SELECT 1 FROM good_jobs WHERE id = $1::uuid AND finished_at IS NOT NULL", [id]).count == 1
        }
        #expect(worker.process.isRunning)
        worker.signal(SIGTERM)
        let stopped = try await worker.wait(timeout: 60)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("SIGTERM: stopping") && !stopped.stderr.contains("SIGHUP"), "\(stopped.stderr)")
        }
    }
}
