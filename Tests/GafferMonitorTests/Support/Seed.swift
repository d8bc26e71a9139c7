import Foundation
import GafferCore
import GafferStore
import GafferTestSupport
import Postgres

/// Hand-written INSERTs shaped like GoodJob v4's rows, relative to a fixed application time.
struct Seed {
    let db: PostgresConnection
    /// 2026-05-28 20:26:40 UTC, whole seconds so round trips compare exactly.
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    var now: Date { Self.now }

    /// A fresh migrated database.
    static func make(_ label: String = "mon") async throws -> Seed {
        let db = try await TestServer.freshConnection(label)
        try await Migrator.migrate(db)
        return Seed(db: db)
    }

    /// Inserts a job in `state`; times are seconds relative to `now` (negative = past).
    @discardableResult
    func job(_ state: JobState, queue: String = "default", jobClass: String = "ExampleJob",
             error: String? = nil, at offset: Double = -60, labels: [String]? = nil, concurrencyKey: String? = nil,
             cronKey: String? = nil, cronAt: Date? = nil, lockedBy: UUID? = nil, executions: Int = 0,
             arguments: String = "[1, \"two\"]") async throws -> UUID
    {
        let id = UUID()
        let t = now.addingTimeInterval(offset)
        var scheduledAt: Date? = t, performedAt: Date?, finishedAt: Date?, jobError = error
        switch state {
        case .queued: break
        case .scheduled, .retried: scheduledAt = now.addingTimeInterval(abs(offset))
        case .running: performedAt = t
        case .succeeded: performedAt = t.addingTimeInterval(-1); finishedAt = t; jobError = nil
        case .discarded: performedAt = t.addingTimeInterval(-1); finishedAt = t
        }
        if state == .retried || state == .discarded, jobError == nil { jobError = "RuntimeError: boom" }
        let params = """
            {"job_class": "\(jobClass)", "job_id": "\(id.uuidString.lowercased())", "provider_job_id": null,
             "queue_name": "\(queue)", "priority": null, "arguments": \(arguments), "executions": \(executions),
             "exception_executions": {}, "locale": "en", "timezone": "UTC",
             "enqueued_at": "2026-05-28T20:00:00.000000000Z", "scheduled_at": null}
            """
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
              performed_at, finished_at, error, error_event, created_at, updated_at, job_class, labels,
              concurrency_key, cron_key, cron_at, locked_by_id, locked_at, lock_type, executions_count)
            VALUES ($1, $1, $2, 0, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            """, [id, queue, PostgresJSON(params), scheduledAt, performedAt, finishedAt, jobError,
                  jobError == nil ? nil : (state == .retried ? 3 : 1) as Int?, t.addingTimeInterval(-5), t,
                  jobClass, labels, concurrencyKey, cronKey, cronAt, lockedBy, lockedBy == nil ? nil : t,
                  lockedBy == nil ? nil : 2 as Int?, performedAt == nil && state != .retried ? nil : max(executions, 1)])
        return id
    }

    /// Inserts `count` jobs of class `BulkJob` on queue `bulk`, ready 10 s ago, in one statement.
    func bulkQueued(_ count: Int) async throws {
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, created_at,
                                   updated_at, job_class)
            SELECT g, g, 'bulk', 0, jsonb_build_object('job_class', 'BulkJob', 'executions', 0), $1, $1, $1, 'BulkJob'
            FROM (SELECT gen_random_uuid() AS g FROM generate_series(1, $2)) ids
            """, [now.addingTimeInterval(-10), count])
    }

    /// Inserts one attempt of a job.
    func execution(of job: UUID, at offset: Double, error: String? = nil, backtrace: [String] = [],
                   process: UUID? = nil) async throws {
        let t = now.addingTimeInterval(offset)
        try await db.query("""
            INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name,
              serialized_params, scheduled_at, finished_at, error, error_event, error_backtrace, process_id, duration)
            VALUES (gen_random_uuid(), $1, $1, $2, 'ExampleJob', 'default', '{}'::jsonb, $3, $4, $5, $6, $7, $8,
                    interval '1.5 seconds')
            """, [t, job, t.addingTimeInterval(-2), t.addingTimeInterval(1.5), error,
                  error == nil ? nil : 1 as Int?, backtrace, process])
    }

    /// Inserts a process row; `heartbeatAgo` seconds since its last refresh.
    @discardableResult
    func process(id: UUID = UUID(), hostname: String = "web-1", pid: Int = 4242, queues: [(String, Int, Int)] = [("*", 5, 1)],
                 heartbeatAgo: Double = 10, lockType: Int? = nil) async throws -> UUID {
        let schedulers = queues.map {
            "{\"name\": \"pool\", \"queues\": \"\($0.0)\", \"max_threads\": \($0.1), \"active_threads\": \($0.2)}"
        }.joined(separator: ", ")
        let state = """
            {"hostname": "\(hostname)", "pid": \(pid), "memory": 102400, "proctitle": "/usr/bin/good_job",
             "schedulers": [\(schedulers)], "cron_enabled": false}
            """
        try await db.query("""
            INSERT INTO good_job_processes (id, created_at, updated_at, state, lock_type)
            VALUES ($1, $2, $3, $4::jsonb, $5)
            """, [id, now.addingTimeInterval(-3600), now.addingTimeInterval(-heartbeatAgo), PostgresJSON(state), lockType])
        return id
    }

    /// The raw text of one column of a job (nil for NULL).
    func column(_ name: String, of id: UUID) async throws -> String? {
        try await db.query("SELECT \(name)::text AS v FROM good_jobs WHERE id = $1", [id]).first?["v"]
    }

    func exists(_ id: UUID) async throws -> Bool {
        !(try await db.query("SELECT 1 FROM good_jobs WHERE id = $1", [id]).isEmpty)
    }
}
