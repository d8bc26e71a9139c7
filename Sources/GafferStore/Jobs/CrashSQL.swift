import Foundation
import GafferCore
import Postgres

/// Records a worker crash against the jobs it was running, and discards a job that keeps crashing.
///
/// The crashed process `P` left its attempts open (or a claim since closed them as GoodJob's
/// interrupted). The crashing job's attempt gets the crash as its error and backtrace; the other
/// attempts of `P` that never ended get GoodJob's interrupted text plus which job crashed. A job whose
/// open attempt is still `P`'s (its `performed_at` is that attempt's, nobody re-claimed it, no session
/// holds its advisory lock) is released for a re-run with that error, or, for the crashing job once
/// its attempts crashed `maxCrashes` times, finished as discarded with `Gaffer::CrashLoopError`.
/// A job re-claimed meanwhile is left to its new attempt. Running the same record twice changes nothing more.
public enum CrashSQL {
    /// What recording one crash did.
    public struct Outcome: Sendable, Equatable {
        /// The crashing job's class, if the crash was on a job's thread and its attempt was found.
        public var jobClass: String?
        /// Attempts of the crashing job that crashed the worker, this one included.
        public var crashes: Int
        /// Whether the crashing job was discarded for crashing too often.
        public var discarded: Bool
        /// Other attempts of the crashed process recorded as interrupted by the crash.
        public var interrupted: Int
    }

    /// Records `crash`; `maxCrashes` gives the bound for the crashing job's class.
    public static func record(_ db: PostgresConnection, _ crash: CrashRecord, now: Date,
                              maxCrashes: @escaping @Sendable (String) -> Int) async throws -> Outcome {
        try await db.transaction { db in
            var outcome = Outcome(jobClass: nil, crashes: 0, discarded: false, interrupted: 0)
            if let job = crash.jobID {
                let rows = try db.query(crashedAttempt, [crash.processID, job, crash.errorText, crash.frames, now])
                if let row = rows.first {
                    let jobClass = try row.decode("job_class", as: String?.self) ?? ""
                    let crashes = try row.decode("crashes", as: Int.self)
                    outcome.jobClass = jobClass
                    outcome.crashes = crashes
                    if crashes >= maxCrashes(jobClass) {
                        let discarded = try db.query(discard, [crash.processID, job, crash.crashLoopText(crashes: crashes), now])
                        outcome.discarded = discarded.affectedRows > 0
                    }
                }
            }
            let interrupted = try db.query(interruptedAttempts, [crash.processID, crash.jobID, crash.interruptedSuffix, now])
            outcome.interrupted = interrupted.count
            try db.query(releaseJobs, [crash.processID, now])
            return outcome
        }
    }

    static let interruptedEvent = ErrorEvent.interrupted.rawValue
    static let interruptedPrefix = "GoodJob::InterruptedError: Interrupted after starting perform at "

    /// A job whose open attempt is still `$1`'s: nobody re-claimed it and nobody holds its lock.
    static let stillHeldByCrashed = """
         g.finished_at IS NULL AND g.performed_at = e.created_at AND (g.locked_by_id IS NULL OR g.locked_by_id = $1)
          AND NOT 
        """ + AdvisoryLockSQL.held(AdvisoryLockSQL.rowKey(table: "good_jobs", id: "g.id"))

    /// $1 process, $2 job, $3 crash error, $4 frames, $5 now: the crashing attempt, then the job's crash count.
    static let crashedAttempt = """
        WITH attempt AS (
          SELECT id FROM good_job_executions WHERE active_job_id = $2 AND process_id = $1
          ORDER BY created_at DESC LIMIT 1
        ), updated AS (
          UPDATE good_job_executions e SET error = $3, error_event = \(interruptedEvent), error_backtrace = $4::text[],
                 finished_at = coalesce(e.finished_at, $5::timestamp), updated_at = $5,
                 duration = coalesce(e.duration, $5::timestamp - e.created_at)
          FROM attempt a WHERE e.id = a.id
          RETURNING e.id, e.job_class
        )
        SELECT u.job_class,
               (SELECT count(*) FROM good_job_executions c
                WHERE c.active_job_id = $2 AND (c.id = u.id OR c.error LIKE '\(CrashRecord.crashErrorType): %')) AS crashes
        FROM updated u
        """

    /// $1 process, $2 job, $3 crash-loop error, $4 now: the crashing job finished as discarded.
    static let discard = """
        UPDATE good_jobs g SET finished_at = $4, updated_at = $4, error = $3, error_event = \(ErrorEvent.discarded.rawValue),
               locked_by_id = NULL, locked_at = NULL
        FROM good_job_executions e
        WHERE g.id = $2 AND e.active_job_id = $2 AND e.process_id = $1 AND
        """ + stillHeldByCrashed

    /// $1 process, $2 crashing job (or NULL), $3 suffix, $4 now: the others' attempts, closed as interrupted.
    static let interruptedAttempts = """
        UPDATE good_job_executions e SET
          error = CASE WHEN e.finished_at IS NULL
                       THEN '\(interruptedPrefix)''' || to_char(e.created_at, 'YYYY-MM-DD HH24:MI:SS') || ' UTC''' || $3
                       ELSE e.error || $3 END,
          error_event = \(interruptedEvent), finished_at = coalesce(e.finished_at, $4::timestamp), updated_at = $4,
          duration = coalesce(e.duration, interval '0')
        WHERE e.process_id = $1 AND e.active_job_id IS DISTINCT FROM $2::uuid
          AND (e.finished_at IS NULL
               OR (e.error_event = \(interruptedEvent) AND e.error LIKE '\(interruptedPrefix)%' AND e.error NOT LIKE '%' || $3))
        RETURNING e.id
        """

    /// $1 process, $2 now: the jobs still held by the dead attempts, released for a re-run with their
    /// attempt's error (already recorded, so the next claim does not record them as interrupted again).
    static let releaseJobs = """
        UPDATE good_jobs g SET performed_at = NULL, locked_by_id = NULL, locked_at = NULL, updated_at = $2,
               error = e.error, error_event = \(interruptedEvent)
        FROM good_job_executions e
        WHERE e.process_id = $1 AND e.active_job_id = g.id AND
        """ + stillHeldByCrashed
}
