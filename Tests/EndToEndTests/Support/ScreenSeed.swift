import Foundation
import GafferStore
import GafferTestSupport
import Postgres

/// A migrated database for the screen's end-to-end tests, with rows in every pane.
///
/// Every job belongs to a class the example app (`gaffer-example`, whose `start` the screen tests run) does
/// not register (ImportJob, MailJob, SyncJob, EvilJob, NightlyReportJob), so its worker leaves them where they are.
struct ScreenSeed {
    let config: ConnectionConfig
    /// Discarded SyncJob, error `Net::ReadTimeout: timed out`.
    let discarded: UUID
    /// The one queued job of queue `mailers` (MailJob).
    let mail: UUID
    /// Discarded EvilJob whose error holds ESC [2J ESC ]0;pwned BEL and whose attempt has a 1 MB backtrace.
    let evil: UUID
    /// Queued, NULL queue_name and NULL job_class, `serialized_params` the array `[1, 2]`.
    let broken: UUID
    /// Queued after `broken`, NULL queue_name, a 10 MB string as its one argument.
    let huge: UUID

    static let evilError = "EvilError: \u{1b}[2J\u{1b}]0;pwned\u{07}"
    /// The first backtrace line: an OSC 2 title change and a colour, both to be shown as text.
    static let evilFirstLine = "\u{1b}]2;pwned-too\u{07} app/jobs/evil_job.rb:1 \u{1b}[31mred"

    static func make() async throws -> ScreenSeed {
        let config = try await TestServer.freshDatabase("screen")
        let db = try await PostgresConnection.connect(config)
        try await Migrator.migrate(db)
        let seed = ScreenSeed(config: config, discarded: UUID(), mail: UUID(), evil: UUID(), broken: UUID(), huge: UUID())
        // Three queued ImportJobs in default (one under a concurrency key), one MailJob in mailers.
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class, concurrency_key)
            SELECT g, g, q, 0, jsonb_build_object('job_class', c, 'job_id', g::text, 'arguments', '[1]'::jsonb,
                                                  'executions', 0, 'queue_name', q),
                   now() AT TIME ZONE 'utc' - interval '1 minute', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc',
                   c, k
            FROM (SELECT CASE WHEN i = 0 THEN $1 ELSE gen_random_uuid() END AS g,
                         CASE WHEN i = 0 THEN 'mailers' ELSE 'default' END AS q,
                         CASE WHEN i = 0 THEN 'MailJob' ELSE 'ImportJob' END AS c,
                         CASE WHEN i = 1 THEN 'import-42' END AS k
                  FROM generate_series(0, 3) i) jobs
            """, [seed.mail])
        for (id, jobClass, error) in [(seed.discarded, "SyncJob", "Net::ReadTimeout: timed out"),
                                      (seed.evil, "EvilJob", evilError)] {
            try await db.query("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                  performed_at, finished_at, error, error_event, created_at, updated_at, job_class, executions_count)
                VALUES ($1::uuid, $1::uuid, 'default', 0,
                        jsonb_build_object('job_class', $2::text, 'job_id', $1::uuid::text, 'arguments', '[7]'::jsonb,
                                           'executions', 1, 'queue_name', 'default'),
                        now() AT TIME ZONE 'utc' - interval '10 minutes', now() AT TIME ZONE 'utc' - interval '9 minutes',
                        now() AT TIME ZONE 'utc' - interval '8 minutes', $3, 4,
                        now() AT TIME ZONE 'utc' - interval '10 minutes', now() AT TIME ZONE 'utc', $2::text, 1)
                """, [id, jobClass, error])
        }
        // The EvilJob's attempt: its first line hostile, then a 600 kB line, then 4,000 ordinary ones.
        try await db.query("""
            INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name,
              serialized_params, scheduled_at, finished_at, error, error_event, error_backtrace, duration)
            SELECT gen_random_uuid(), now() AT TIME ZONE 'utc' - interval '9 minutes', now() AT TIME ZONE 'utc',
                   $1, 'EvilJob', 'default', serialized_params, scheduled_at, finished_at, error, 4,
                   ARRAY[$2::text, repeat('x', 600000)]
                     || ARRAY(SELECT 'app/models/deep.rb:' || n || ':in `' || repeat('call_', 20) || n || ''''
                              FROM generate_series(1, 4000) n),
                   interval '1.5 seconds'
            FROM good_jobs WHERE id = $1
            """, [seed.evil, evilFirstLine])
        // Two hostile rows on no queue: the Queues pane's (none) row opens them.
        for (id, jobClass, params, age) in [(seed.broken, nil, "[1, 2]", 120),
                                            (seed.huge, "ImportJob", "{\"job_class\": \"ImportJob\", \"arguments\": [\""
                                                + String(repeating: "x", count: 10_000_000) + "\"]}", 60)] as [(UUID, String?, String, Int)] {
            try await db.query("""
                INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                  created_at, updated_at, job_class)
                VALUES ($1, $1, NULL, 0, $2::jsonb, now() AT TIME ZONE 'utc' - make_interval(secs => $3),
                        now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', $4)
                """, [id, PostgresJSON(params), age, jobClass])
        }
        // A cron run, for the Cron pane.
        try await db.execute("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, performed_at,
              finished_at, created_at, updated_at, job_class, cron_key, cron_at, executions_count)
            SELECT g, g, 'default', 0, jsonb_build_object('job_class', 'NightlyReportJob', 'job_id', g::text,
                                                         'arguments', '[]'::jsonb, 'executions', 1),
                   t, t, t, t, t, 'NightlyReportJob', 'nightly_report', t, 1
            FROM (SELECT gen_random_uuid() AS g, now() AT TIME ZONE 'utc' - interval '1 hour' AS t) x
            """)
        await db.close()
        return seed
    }

    /// The class of the jobs `enqueueRunnable` inserts: the one the example app registers and runs.
    static let runnableClass = "WelcomeJob"

    /// Inserts `count` jobs of `runnableClass` into queue default, due from now `milliseconds` apart.
    func enqueueRunnable(_ count: Int, every milliseconds: Int = 0, on db: PostgresConnection) async throws {
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              created_at, updated_at, job_class)
            SELECT g, g, 'default', 0, jsonb_build_object('job_class', $1::text, 'job_id', g::text,
                                                          'arguments', jsonb_build_array(i), 'executions', 0,
                                                          'queue_name', 'default'),
                   now() AT TIME ZONE 'utc' + (i - 1) * $3::int * interval '1 millisecond', now() AT TIME ZONE 'utc',
                   now() AT TIME ZONE 'utc', $1::text
            FROM (SELECT gen_random_uuid() AS g, i FROM generate_series(1, $2::int) i) jobs
            """, [Self.runnableClass, count, milliseconds])
    }

    /// How many jobs of `runnableClass` have started at least once.
    func performedRunnable(on db: PostgresConnection) async throws -> Int {
        try await db.query("SELECT 1 FROM good_jobs WHERE job_class = $1 AND performed_at IS NOT NULL",
                           [Self.runnableClass]).count
    }

    func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(config, applicationName: "gaffer-e2e")
    }

    /// An app's `start` (the example app's: the stock `gaffer` has no job types) as a user types it at the
    /// shell, logs under `home`, then the exit status.
    func startCommand(home: ScratchHome, environment: String = "", redirect: String = "") throws -> String {
        try command("start --poll-interval 1 --max-threads 2", home: home, environment: environment, redirect: redirect,
                    binary: "gaffer-example")
    }

    /// `gaffer ARGUMENTS` on this database as typed at a shell, with extra `NAME=value` words and a redirect.
    func command(_ arguments: String, home: ScratchHome, environment: String = "", redirect: String = "",
                 binary: String = "gaffer") throws -> String {
        "env SWIFT_BACKTRACE=interactive=no GAFFER_HOME='\(home.path)' DATABASE_URL='\(config.conninfo)' \(environment) "
            + "'\(try Binary.path(binary))' \(arguments) \(redirect); echo EXIT=$?"
    }
}
