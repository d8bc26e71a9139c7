import Foundation
import Postgres

/// The counts behind GoodJob's concurrency controls, one statement each (contract §7).
///
/// Each is meant to run inside a transaction that holds the scope's `pg_advisory_xact_lock`
/// (`lock(_:_:)`), so concurrent checks of one key serialize exactly as GoodJob's do. The
/// functions take the connection `isolated`, so a `PostgresConnection.transaction` body calls
/// them synchronously and no other task's statement can interleave.
public enum LimitSQL {
    /// The `error` GoodJob records on an attempt deferred by a concurrency limit.
    public static let concurrencyExceededError =
        "GoodJob::ActiveJobExtensions::Concurrency::ConcurrencyExceededError: "
        + "GoodJob::ActiveJobExtensions::Concurrency::ConcurrencyExceededError"
    /// The `error` GoodJob records on an attempt deferred by a throttle; such attempts do not count as starts.
    public static let throttleExceededError =
        "GoodJob::ActiveJobExtensions::Concurrency::ThrottleExceededError: "
        + "GoodJob::ActiveJobExtensions::Concurrency::ThrottleExceededError"

    static let lockKeyHash = AdvisoryLockSQL.key("$1::text")

    /// Takes the blocking transaction-scoped advisory lock of every key, in sorted order so two
    /// Gaffer processes locking the same keys never deadlock.
    public static func lock(_ db: isolated PostgresConnection, _ keys: some Collection<String>) throws {
        for key in Set(keys).sorted() {
            try db.query("SELECT pg_advisory_xact_lock(" + lockKeyHash + ")", [key])
        }
    }

    /// Unfinished rows in scope, running ones included (`total_limit` at enqueue).
    public static func unfinished(_ db: isolated PostgresConnection, _ scope: ConcurrencyScope) throws -> Int {
        try count(db, "SELECT count(*) FROM good_jobs g WHERE \(scope.predicate(parameter: 1)) AND g.finished_at IS NULL",
                  [scope.value])
    }

    /// Unfinished rows in scope that nobody holds: no job advisory lock and no `locked_by_id`
    /// (`enqueue_limit`, GoodJob's `unfinished.advisory_unlocked.where(locked_by_id: nil)`).
    public static func waiting(_ db: isolated PostgresConnection, _ scope: ConcurrencyScope) throws -> Int {
        try count(db, """
            WITH locks AS MATERIALIZED (
              SELECT l.classid, l.objid FROM pg_locks l
              WHERE l.locktype = 'advisory' AND l.objsubid = 1
                AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            )
            SELECT count(*) FROM (
              SELECT \(AdvisoryLockSQL.rowKey(table: "good_jobs", id: "g.id")) AS k FROM good_jobs g
              WHERE \(scope.predicate(parameter: 1)) AND g.finished_at IS NULL AND g.locked_by_id IS NULL
            ) w
            WHERE NOT EXISTS (SELECT 1 FROM locks
                              WHERE locks.classid = ((w.k >> 32) & 4294967295)::oid AND locks.objid = (w.k & 4294967295)::oid)
            """, [scope.value])
    }

    /// Rows in scope created strictly after `since`, in any state (`enqueue_throttle`).
    public static func createdAfter(_ db: isolated PostgresConnection, _ scope: ConcurrencyScope, since: Date) throws -> Int {
        try count(db, "SELECT count(*) FROM good_jobs g WHERE \(scope.predicate(parameter: 1)) AND g.created_at > $2",
                  [scope.value, since])
    }

    /// Rows in scope running now (`perform_limit`): performed, unfinished, and held by a process.
    ///
    /// GoodJob counts every performed, unfinished row; a row whose process died (no `locked_by_id`)
    /// is left out here, because it waits to be run again and counting it would block its own re-run.
    public static func running(_ db: isolated PostgresConnection, _ scope: ConcurrencyScope) throws -> Int {
        try count(db, """
            SELECT count(*) FROM good_jobs g
            WHERE \(scope.predicate(parameter: 1)) AND g.performed_at IS NOT NULL AND g.finished_at IS NULL
              AND g.locked_by_id IS NOT NULL
            """, [scope.value])
    }

    /// The newest attempt starts in scope strictly after `since`, newest first, at most `limit`
    /// (`perform_throttle`): execution `created_at`, leaving out attempts that ended with the
    /// throttle error, as GoodJob does.
    public static func recentStarts(_ db: isolated PostgresConnection, _ scope: ConcurrencyScope, since: Date,
                                    limit: Int) throws -> [Date] {
        let rows = try db.query("""
            SELECT e.created_at FROM good_job_executions e JOIN good_jobs g ON g.id = e.active_job_id
            WHERE \(scope.predicate(parameter: 1)) AND e.created_at > $2 AND e.error IS DISTINCT FROM $3
            ORDER BY e.created_at DESC LIMIT $4
            """, [scope.value, since, throttleExceededError, limit])
        return try rows.map { try $0.decode("created_at", as: Date.self) }
    }

    private static func count(_ db: isolated PostgresConnection, _ sql: String, _ parameters: [any PostgresEncodable])
        throws -> Int
    {
        try db.query(sql, parameters).first?.decode(0, as: Int.self) ?? 0
    }
}
