import Foundation
import GafferCore
import Postgres

/// Runs job actions exactly as GoodJob's dashboard does (contract §9).
///
/// Each action takes the job's session advisory lock with `pg_try_advisory_lock` and refuses if it
/// is busy (an advisory-mode worker is running the job); inside one transaction it row-locks the job
/// (`FOR NO KEY UPDATE`, what skiplocked claims respect), checks the state, writes, and commits; the
/// advisory lock is released after the commit, so the next holder sees the change.
public enum JobActions {
    /// `scheduledAt` applies to `.reschedule` only (GoodJob's `reschedule_job(scheduled_at)`); nil means now.
    /// Force-discard takes no lock and ignores a claim, as GoodJob's `force_discard_job` does.
    public static func perform(_ action: JobAction, id: UUID, now: Date, scheduledAt: Date? = nil,
                               on db: isolated PostgresConnection) throws -> JobActionOutcome
    {
        let key = MonitorSQL.lockKey(table: "good_jobs", idColumn: "$1::uuid")
        if action.respectsWorkers {
            let lockRow = try db.query("SELECT pg_try_advisory_lock(\(key)) AS locked", [id]).first
            guard let lockRow, try lockRow.decode("locked", as: Bool.self) else { return .refused(.busy) }
        }
        defer { if action.respectsWorkers { _ = try? db.query("SELECT pg_advisory_unlock(\(key))", [id]) } }
        return try db.transaction { conn in
            let rows = try conn.query("""
                SELECT \(MonitorSQL.stateCase) AS state, locked_by_id, coalesce(queue_name, '') AS queue_name
                FROM good_jobs WHERE id = $2 FOR NO KEY UPDATE
                """, [now, id])
            guard let row = rows.first else { return .refused(.notFound) }
            let state = JobState(rawValue: try row.decode("state")) ?? .queued
            guard action.allowedStates.contains(state) else { return .refused(.wrongState(state)) }
            if action != .destroy && action.respectsWorkers, try row.decode("locked_by_id", as: UUID?.self) != nil {
                return .refused(.claimed)
            }
            try write(action, ids: [id], queues: [try row.decode("queue_name")], now: now, scheduledAt: scheduledAt,
                      on: conn)
            return .done
        }
    }

    /// `perform` for many jobs in one transaction, with the same checks: each row is row-locked (in id
    /// order), then its advisory lock is tried for the transaction, so a job a worker holds is refused
    /// as busy and the others are written with one statement. Returns each job's outcome, in `ids` order.
    ///
    /// Costs three statements plus the write per call whatever the count; the row locks are held until
    /// the commit, so callers keep `ids` to a few hundred (a worker's claim skips them meanwhile).
    public static func perform(_ action: JobAction, ids: [UUID], now: Date,
                               on db: isolated PostgresConnection) throws -> [JobActionOutcome]
    {
        guard !ids.isEmpty else { return [] }
        let texts = ids.map { $0.uuidString.lowercased() }
        let key = MonitorSQL.lockKey(table: "good_jobs", idColumn: "id")
        return try db.transaction { conn in
            var found: [UUID: (state: JobState, claimed: Bool, queue: String)] = [:]
            for row in try conn.query("""
                SELECT id, \(MonitorSQL.stateCase) AS state, locked_by_id IS NOT NULL AS claimed,
                       coalesce(queue_name, '') AS queue_name
                FROM good_jobs WHERE id = ANY($2::uuid[]) ORDER BY id FOR NO KEY UPDATE
                """, [now, texts]) {
                found[try row.decode("id")] = (JobState(rawValue: try row.decode("state")) ?? .queued,
                                               try row.decode("claimed"), try row.decode("queue_name"))
            }
            var free: Set<UUID> = []
            if action.respectsWorkers {
                for row in try conn.query("""
                    SELECT id FROM unnest($1::uuid[]) AS t(id) WHERE pg_try_advisory_xact_lock(\(key))
                    """, [found.keys.map { $0.uuidString.lowercased() }]) {
                    free.insert(try row.decode("id"))
                }
            }
            var outcomes: [JobActionOutcome] = []
            var writable: [UUID] = []
            var queues: Set<String> = []
            for id in ids {
                guard let job = found[id] else { outcomes.append(.refused(.notFound)); continue }
                if action.respectsWorkers && !free.contains(id) { outcomes.append(.refused(.busy)); continue }
                guard action.allowedStates.contains(job.state) else {
                    outcomes.append(.refused(.wrongState(job.state)))
                    continue
                }
                if action != .destroy && action.respectsWorkers && job.claimed {
                    outcomes.append(.refused(.claimed))
                    continue
                }
                found[id] = nil  // a repeated id is written once and reported once
                outcomes.append(.done)
                writable.append(id)
                queues.insert(job.queue)
            }
            try write(action, ids: writable, queues: queues.sorted(), now: now, on: conn)
            return outcomes
        }
    }

    /// Writes `action` to the jobs (already checked and locked); `queues` are theirs, for the notifications.
    static func write(_ action: JobAction, ids: [UUID], queues: [String], now: Date, scheduledAt: Date? = nil,
                      on db: isolated PostgresConnection) throws
    {
        guard !ids.isEmpty else { return }
        let texts = ids.map { $0.uuidString.lowercased() }
        switch action {
        case .retry:
            // Active Job re-serialization: one more execution, enqueued now; the old error text stays.
            // A payload that is not an object (no Active Job wrote it) is left as it is.
            try db.query("""
                UPDATE good_jobs SET
                  serialized_params = CASE WHEN jsonb_typeof(serialized_params) IS DISTINCT FROM 'object'
                                           THEN serialized_params ELSE
                    jsonb_set(jsonb_set(jsonb_set(serialized_params, '{executions}',
                      to_jsonb(least(coalesce(CASE WHEN jsonb_typeof(serialized_params->'executions') = 'number'
                                                   THEN trunc((serialized_params->>'executions')::numeric) END, 0),
                                     9223372036854775806) + 1)),
                      '{enqueued_at}', to_jsonb(to_char($1::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.US') || '000Z')),
                      '{scheduled_at}', 'null'::jsonb) END,
                  scheduled_at = $1, performed_at = NULL, finished_at = NULL, created_at = $1,
                  error_event = \(ErrorEvent.retried.rawValue), updated_at = $1
                WHERE id = ANY($2::uuid[])
                """, [now, texts])
            for queue in queues { try notify(queue: queue, scheduledAt: now, on: db) }
        case .discard, .forceDiscard:
            try db.query("""
                UPDATE good_jobs SET finished_at = $1, updated_at = $1, error_event = \(ErrorEvent.discarded.rawValue),
                  error = $3
                WHERE id = ANY($2::uuid[])
                """, [now, texts, action == .discard ? discardError : forceDiscardError])
        case .reschedule:
            try db.query("UPDATE good_jobs SET scheduled_at = $3, updated_at = $1 WHERE id = ANY($2::uuid[])",
                         [now, texts, scheduledAt ?? now])
            // Like an enqueue: listening workers of the queue claim it now (or note the new time).
            for queue in queues { try notify(queue: queue, scheduledAt: scheduledAt ?? now, on: db) }
        case .destroy:
            try db.query("DELETE FROM good_job_executions WHERE active_job_id = ANY($1::uuid[])", [texts])
            try db.query("DELETE FROM good_jobs WHERE id = ANY($1::uuid[])", [texts])
        }
    }

    /// The error GoodJob's dashboard writes on discard (`DiscardJobError` with its message).
    static let discardError = "GoodJob::Job::DiscardJobError: Discarded through dashboard"
    /// The error GoodJob's dashboard writes on force-discard.
    static let forceDiscardError = "GoodJob::Job::DiscardJobError: Force discarded through dashboard"

    /// GoodJob's `good_job` notification for a job due at `scheduledAt` in `queue`; sent at commit.
    static func notify(queue: String, scheduledAt: Date, on db: isolated PostgresConnection) throws {
        let payload = "{\"queue_name\":\(jsonString(queue)),\"scheduled_at\":\"\(isoMillis(scheduledAt))\"}"
        try db.query("SELECT pg_notify('good_job', $1)", [payload])
    }

    /// Rails' JSON time: `2026-07-20T12:00:00.123Z`.
    static func isoMillis(_ date: Date) -> String {
        let text = PostgresTimestamp.format(date)  // 2026-07-20 12:00:00.123456+00
        return String(text.prefix(10)) + "T" + String(text.dropFirst(11).prefix(12)) + "Z"
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
