import Foundation
import Postgres

/// What the tables say after a drain under faults: jobs, attempts, interrupted attempts, body runs.
struct DrainAccount: CustomStringConvertible {
    // A job's attempt number is its execution's rank by `created_at` (the claim that inserted it also
    // raised `executions_count`); `body_runs` holds one row per body run, written as the body starts.
    var jobs = 0
    var unfinished = 0
    var failed = 0
    var executions = 0
    /// Executions closed as contract §3.6 says: InterruptedError text, error_event 0, finished.
    var interrupted = 0
    /// Interrupted executions whose body had started (their attempt has a run).
    var interruptedStarted = 0
    /// Executions that ended in an error other than an interruption (retried connection losses).
    var errored = 0
    var erroredStarted = 0
    var runs = 0
    /// (job, attempt) pairs with more than one run: one attempt's body ran twice.
    var repeatedAttempts = 0
    /// Runs of an attempt the tables never recorded.
    var unrecordedRuns = 0
    /// Successful executions without a run.
    var successesWithoutRun = 0
    /// Pairs of attempts of one job that overlap in time.
    var overlaps = 0

    static let interruptedText = "GoodJob::InterruptedError: Interrupted after starting perform at %"

    static func read(_ db: PostgresConnection) async throws -> DrainAccount {
        func count(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> Int {
            try await db.query(sql, parameters).first?.decode(0, as: Int.self) ?? 0
        }
        let attempts = """
            WITH e AS (SELECT e.*, row_number() OVER (PARTITION BY active_job_id ORDER BY created_at, id) AS attempt
                       FROM good_job_executions e)
            """
        let started = "EXISTS (SELECT 1 FROM body_runs r WHERE r.job_id = e.active_job_id AND r.attempt = e.attempt)"
        let isInterrupted = "e.error LIKE $1 AND e.error_event = 0 AND e.finished_at IS NOT NULL"
        var account = DrainAccount()
        account.jobs = try await count("SELECT count(*) FROM good_jobs")
        account.unfinished = try await count("SELECT count(*) FROM good_jobs WHERE finished_at IS NULL")
        account.failed = try await count("SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NOT NULL")
        account.executions = try await count("SELECT count(*) FROM good_job_executions")
        account.interrupted = try await count(attempts + " SELECT count(*) FROM e WHERE " + isInterrupted, [interruptedText])
        account.interruptedStarted = try await count(
            attempts + " SELECT count(*) FROM e WHERE " + isInterrupted + " AND " + started, [interruptedText])
        account.errored = try await count(
            attempts + " SELECT count(*) FROM e WHERE e.error IS NOT NULL AND NOT (" + isInterrupted + ")", [interruptedText])
        account.erroredStarted = try await count(
            attempts + " SELECT count(*) FROM e WHERE e.error IS NOT NULL AND NOT (" + isInterrupted + ") AND " + started,
            [interruptedText])
        account.runs = try await count("SELECT count(*) FROM body_runs")
        account.repeatedAttempts = try await count(
            "SELECT count(*) FROM (SELECT 1 FROM body_runs GROUP BY job_id, attempt HAVING count(*) > 1) d")
        account.unrecordedRuns = try await count(attempts + """
             SELECT count(*) FROM body_runs r WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.active_job_id = r.job_id AND e.attempt = r.attempt)
            """)
        account.successesWithoutRun = try await count(
            attempts + " SELECT count(*) FROM e WHERE e.error IS NULL AND e.finished_at IS NOT NULL AND NOT " + started)
        account.overlaps = try await count("""
            SELECT count(*) FROM good_job_executions a JOIN good_job_executions b
              ON a.active_job_id = b.active_job_id AND (a.created_at, a.id) < (b.created_at, b.id)
            WHERE coalesce(a.finished_at, 'infinity') > b.created_at
            """)
        return account
    }

    /// The runs beyond one per job.
    var extraRuns: Int { runs - jobs }

    var description: String {
        "jobs \(jobs), executions \(executions), interrupted \(interrupted) (body started \(interruptedStarted)), "
            + "errored \(errored) (body started \(erroredStarted)), runs \(runs), extra runs \(extraRuns), "
            + "unfinished \(unfinished), failed \(failed), repeated attempts \(repeatedAttempts), "
            + "unrecorded runs \(unrecordedRuns), overlaps \(overlaps)"
    }
}
