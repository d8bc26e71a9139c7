import Foundation
import Postgres

/// A worker that claims, runs and finishes jobs exactly as GoodJob v4's Ruby worker does in one of
/// its three lock strategies, written from the contract (§3.3, §3.5–3.7), not from Gaffer's SQL.
///
/// It registers a process row with the heartbeat advisory lock as GoodJob does, and its "body"
/// records the run in `body_runs` with `pid = 0`, so a test can count runs per job across Gaffer
/// and this claimant. Each statement is its own transaction unless the contract says otherwise.
actor GoodJobClaimant {
    enum Strategy: String, CaseIterable, Sendable { case advisory, skiplocked, hybrid }

    let strategy: Strategy
    let jobClass: String
    let processID = UUID()
    private let db: PostgresConnection
    private(set) var runs = 0
    private var stopping = false

    init(_ strategy: Strategy, jobClass: String, config: ConnectionConfig) async throws {
        self.strategy = strategy
        self.jobClass = jobClass
        db = try await PostgresConnection.connect(config)
        try await db.query("SELECT pg_advisory_lock(" + Self.key("'good_job_processes-' || $1::text") + ")", [processID])
        try await db.query("""
            INSERT INTO good_job_processes (id, created_at, updated_at, state, lock_type)
            VALUES ($1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', '{"hostname":"ruby"}', 0)
            """, [processID])
    }

    /// GoodJob's advisory-lock key of a text expression (contract §3.4).
    static func key(_ text: String) -> String { "('x' || substr(md5(" + text + "), 1, 16))::bit(64)::bigint" }
    static let jobKey = key("'good_jobs-' || $1::text")

    func stop() { stopping = true }

    /// Claims and runs jobs until `stop()`; between empty claims it waits a poll interval of 2 ms.
    func run() async throws {
        while !stopping {
            if try await runOne() == false { try await Task.sleep(for: .milliseconds(2)) }
        }
        try await db.query("DELETE FROM good_job_processes WHERE id = $1", [processID])
        await db.close()
    }

    /// One claim and, when it got a job, its attempt. Returns whether there was a job to take.
    private func runOne() async throws -> Bool {
        switch strategy {
        case .advisory:
            guard let id = try await db.query(Self.advisoryClaim, [jobClass]).first?.decode("id", as: UUID.self)
            else { return false }
            // Re-read the row with the lock held; another worker may have finished it meanwhile.
            let row = try await db.query("SELECT finished_at FROM good_jobs WHERE id = $1", [id]).first
            if try row?.decode("finished_at", as: Date?.self) == nil {
                try await attempt(id, lockType: 0)
            }
            try await unlockFully(id)
        case .skiplocked:
            guard let id = try await db.query(Self.skiplockedClaim, [jobClass, processID]).first?.decode("id", as: UUID.self)
            else { return false }
            try await attempt(id, lockType: nil)
        case .hybrid:
            guard let id = try await db.query(Self.hybridClaim, [jobClass, processID]).first?.decode("id", as: UUID.self)
            else { return false }
            try await attempt(id, lockType: nil)
            try await unlockFully(id)
        }
        return true
    }

    /// Attempt start (§3.6, one transaction), the body, attempt end (§3.7, one transaction).
    /// `lockType` is written at start by the advisory strategy only; the others wrote it in the claim.
    private func attempt(_ id: UUID, lockType: Int?) async throws {
        let executionID = UUID()
        try await db.transaction { db in
            try db.query("""
                UPDATE good_job_executions SET finished_at = now() AT TIME ZONE 'UTC', error_event = 0,
                       error = 'GoodJob::InterruptedError: Interrupted after starting perform'
                WHERE active_job_id = $1 AND finished_at IS NULL
                """, [id])
            try db.query("""
                INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name,
                                                 serialized_params, scheduled_at, process_id)
                SELECT $2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', id, job_class, queue_name,
                       serialized_params, coalesce(scheduled_at, created_at), $3
                FROM good_jobs WHERE id = $1
                """, [id, executionID, self.processID])
            try db.query("""
                UPDATE good_jobs SET performed_at = now() AT TIME ZONE 'UTC',
                       executions_count = coalesce(executions_count, 0) + 1,
                       locked_by_id = coalesce($2, locked_by_id), locked_at = coalesce(locked_at, now() AT TIME ZONE 'UTC'),
                       lock_type = coalesce($3::smallint, lock_type)
                WHERE id = $1
                """, [id, lockType == nil ? nil : self.processID, lockType])
        }
        try await db.query("INSERT INTO body_runs (job_id, attempt, pid) VALUES ($1, 0, 0)", [id])
        runs += 1
        try await db.transaction { db in
            try db.query("""
                UPDATE good_jobs SET finished_at = now() AT TIME ZONE 'UTC', error = NULL, error_event = NULL,
                       locked_by_id = NULL, locked_at = NULL, lock_type = NULL
                WHERE id = $1
                """, [id])
            try db.query("UPDATE good_job_executions SET finished_at = now() AT TIME ZONE 'UTC' WHERE id = $1",
                         [executionID])
        }
    }

    /// Unlocks until `pg_locks` shows this session no longer holds the job's lock (the planner may
    /// have taken it more than once, contract §3.3).
    private func unlockFully(_ id: UUID) async throws {
        while try await db.query("SELECT pg_advisory_unlock(" + Self.jobKey + ") AS released", [id]).first?
            .decode("released", as: Bool.self) == true {}
    }

    private static let candidates = """
        SELECT id FROM good_jobs
        WHERE finished_at IS NULL AND scheduled_at <= now() AT TIME ZONE 'UTC' AND job_class = $1
        """

    /// §3.3: candidates in GoodJob's default order, the first whose advisory lock this session gets.
    private static let advisoryClaim = """
        SELECT good_jobs.id FROM good_jobs WHERE good_jobs.id IN (
          WITH rows AS MATERIALIZED (
        """ + candidates + """
            ORDER BY priority ASC NULLS LAST, created_at ASC LIMIT 1000
          )
          SELECT rows.id FROM rows WHERE pg_try_advisory_lock(
        """ + key("'good_jobs-' || rows.id::text") + """
        ) LIMIT 1
        )
        """

    /// §3.5 skiplocked: row lock on one unclaimed candidate, claim columns with lock_type 1.
    private static let skiplockedClaim = """
        WITH candidate AS MATERIALIZED (
        """ + candidates + """
            AND locked_by_id IS NULL
          ORDER BY priority ASC NULLS LAST, created_at ASC LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
        )
        UPDATE good_jobs SET locked_by_id = $2, locked_at = now() AT TIME ZONE 'UTC', lock_type = 1
        FROM candidate WHERE good_jobs.id = candidate.id RETURNING good_jobs.id
        """

    /// §3.5 hybrid: as skiplocked, but only a candidate whose advisory lock this session gets; lock_type 2.
    private static let hybridClaim = """
        WITH candidate AS MATERIALIZED (
        """ + candidates + """
            AND locked_by_id IS NULL
          ORDER BY priority ASC NULLS LAST, created_at ASC LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
        )
        UPDATE good_jobs SET locked_by_id = $2, locked_at = now() AT TIME ZONE 'UTC', lock_type = 2
        FROM candidate WHERE good_jobs.id = candidate.id AND pg_try_advisory_lock(
        """ + key("'good_jobs-' || candidate.id::text") + """
        ) RETURNING good_jobs.id
        """
}
