import Foundation
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// `gaffer status` and `gaffer top` with `--replica-url`, against a real standby made with `pg_basebackup`: reads in
/// the standby's statement log, the retry in the primary's, the lag on screen, no password in any output.
@Suite(.serialized,
       .enabled(if: Tmux.available, "tmux is not installed: the screen test needs it"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: gafferBinary), "no built binary at .build/debug/gaffer"))
struct ReplicaCommandTests {
    static let secret = "Replica-S3cret-Pw"

    /// A libpq string for `server`'s socket with a password trust auth ignores (so it would show if printed).
    static func conninfo(_ server: EmbeddedPostgres, _ database: String) -> String {
        "host=\(server.socketDirectory) port=\(server.port) user=postgres dbname=\(database) password=\(secret)"
    }

    /// A primary and standby holding a migrated database with two queued jobs and a discarded one; returns the latter.
    func replicatedDatabase() async throws -> (TestReplica, UUID) {
        let pair = try await TestReplica()
        let db = try await PostgresConnection.connect(pair.primaryConfig, applicationName: "gaffer-tests")
        try await Migrator.migrate(db)
        let discarded = UUID()
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              performed_at, finished_at, error, error_event, created_at, updated_at, job_class, executions_count)
            SELECT g, g, 'mailers', 0, jsonb_build_object('job_class', 'MailJob', 'arguments', '[1]'::jsonb, 'executions', 1),
                   now() AT TIME ZONE 'utc' - interval '10 minutes',
                   CASE WHEN g = $1 THEN now() AT TIME ZONE 'utc' - interval '9 minutes' END,
                   CASE WHEN g = $1 THEN now() AT TIME ZONE 'utc' - interval '8 minutes' END,
                   CASE WHEN g = $1 THEN 'Net::ReadTimeout: slow' END, CASE WHEN g = $1 THEN 4 END,
                   now() AT TIME ZONE 'utc' - interval '10 minutes', now() AT TIME ZONE 'utc', 'MailJob', 1
            FROM unnest(ARRAY[$1, gen_random_uuid(), gen_random_uuid()]) g
            """, [discarded])
        await db.close()
        try await pair.waitForReplay()
        return (pair, discarded)
    }

    /// Retries the discarded job from the Failures pane and checks that only the primary saw the write.
    func retryOnThePrimary(_ tmux: Tmux, _ pair: TestReplica, _ discarded: UUID) async throws {
        try await tmux.keys("4", "R")
        try await tmux.waitFor(text: "Retry 1 discarded job of Net::ReadTimeout · MailJob?")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "retried 1 job")
        let primaryStatements = TestReplica.statements(of: pair.primary, application: "gaffer-top")
        #expect(primaryStatements.contains { $0.contains("UPDATE good_jobs") }, "\(primaryStatements)")
        #expect(!TestReplica.statements(of: pair.standby, application: "gaffer-top").contains { $0.contains("UPDATE") })
        let db = try await PostgresConnection.connect(pair.primaryConfig, applicationName: "gaffer-tests")
        #expect(try await db.query("SELECT finished_at FROM good_jobs WHERE id = $1", [discarded]).first?["finished_at"] == nil)
        await db.close()
    }

    @Test func statusReadsTheStandbyAndSaysHowFarBehindItIs() async throws {
        let (pair, _) = try await replicatedDatabase()
        defer { pair.stop() }
        let env = Binary.environment(home: "/tmp/gaffer-e2e-replica-\(getpid())")
        let args = ["status", "--database-url", Self.conninfo(pair.primary, pair.database),
                    "--replica-url", Self.conninfo(pair.standby, pair.database)]
        let text = try await Binary.run(args, env: env)
        #expect(text.status == 0, "\(text.output)")
        #expect(text.stdout.contains("(read from the replica, caught up with the primary)"), "\(text.stdout)")
        #expect(text.stdout.contains("mailers"))
        let json = try await Binary.run(args + ["--json"], env: env)
        #expect(json.stdout.contains(#""replica":{"standby":true,"lag_seconds":0.0,"lag_bytes":0}"#), "\(json.stdout)")
        #expect(!(text.output + json.output).contains(Self.secret))

        let standbyReads = TestReplica.statements(of: pair.standby, application: "gaffer")
        #expect(standbyReads.contains { $0.contains("good_jobs") }, "\(standbyReads)")
        let primaryReads = TestReplica.statements(of: pair.primary, application: "gaffer")
        #expect(!primaryReads.contains { $0.contains("good_") }, "the primary saw a read: \(primaryReads)")

        let broken = try await Binary.run(["status", "--database-url", Self.conninfo(pair.primary, pair.database),
                                           "--replica-url", "host=/nonexistent port=1 password=\(Self.secret)"], env: env)
        #expect(broken.status == 1 && broken.stderrLines.count == 1, "\(broken.output)")
        #expect(!broken.output.contains(Self.secret), "\(broken.output)")
    }

    @Test func topReadsTheStandbyRetriesOnThePrimaryAndShowsTheLag() async throws {
        let (pair, discarded) = try await replicatedDatabase()
        defer { pair.stop() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no '\(gafferBinary)' top --database-url '\(Self.conninfo(pair.primary, pair.database))'"
                             + " --replica-url '\(Self.conninfo(pair.standby, pair.database))' 2>/dev/null", width: 120, height: 40)
        let screen = try await tmux.waitFor("the failure and the replica's lag") {
            $0.contains("Net::ReadTimeout") && $0.contains("replica 0s · ")
        }
        #expect(!screen.contains(Self.secret))
        #expect(TestReplica.statements(of: pair.standby, application: "gaffer-top").contains { $0.contains("good_jobs") })

        try await retryOnThePrimary(tmux, pair, discarded)
        try await tmux.keys("q")
        try await tmux.waitFor(text: "EXIT=0")
    }

    /// `gaffer start --replica-url`: the co-hosted screen reads the standby and shows its lag; its retry, like the
    /// worker, goes to the primary.
    @Test func startsScreenReadsTheStandbyAndRetriesOnThePrimary() async throws {
        let (pair, discarded) = try await replicatedDatabase()
        defer { pair.stop() }
        let home = ScratchHome()
        let tmux = Tmux()
        defer { tmux.kill(); home.remove() }
        try await tmux.start("env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(home.path)' '\(try Binary.path("gaffer-example"))'"
                             + " start --poll-interval 1 --database-url '\(Self.conninfo(pair.primary, pair.database))'"
                             + " --replica-url '\(Self.conninfo(pair.standby, pair.database))' 2>/dev/null", width: 120, height: 40)
        let screen = try await tmux.waitFor("the failure and the replica's lag") {
            $0.contains("Net::ReadTimeout") && $0.contains("replica 0s · ")
        }
        #expect(!screen.contains(Self.secret))
        #expect(TestReplica.statements(of: pair.standby, application: "gaffer-top").contains { $0.contains("good_jobs") })
        #expect(!TestReplica.statements(of: pair.primary, application: "gaffer-top").contains { $0.contains("good_jobs") },
                "the screen read the primary")

        try await retryOnThePrimary(tmux, pair, discarded)
        try await tmux.keys("q")
        try await tmux.waitFor(text: "stop now")
        try await tmux.keys("w")
        try await tmux.waitFor(text: "EXIT=0")
    }
}
