import Foundation
import Postgres

/// Rows written straight into `good_jobs` as no Active Job would write them, for the hostile-input tests.
public enum HostileRows {
    /// One malformed `serialized_params` of a RecordingJob row (nil = SQL NULL) and a phrase its error must contain.
    public struct Payload: Sendable {
        public let name: String
        public let params: String?
        public let reason: String
    }

    /// Every payload the worker must discard: not an object, no or misshapen `arguments`, wrong types, too deep, 10 MB.
    public static let malformed: [Payload] = [
        Payload(name: "array", params: "[1, 2]", reason: "serialized_params must be a JSON object, found array [1,2]"),
        Payload(name: "string", params: #""RecordingJob""#,
                reason: #"serialized_params must be a JSON object, found string "RecordingJob""#),
        Payload(name: "number", params: "42", reason: "serialized_params must be a JSON object, found integer 42"),
        Payload(name: "json null", params: "null", reason: "serialized_params must be a JSON object, found null"),
        Payload(name: "sql null", params: nil, reason: "serialized_params must be a JSON object, found null"),
        Payload(name: "no arguments", params: #"{"job_class": "RecordingJob", "job_id": "x"}"#,
                reason: #"serialized_params has no "arguments""#),
        Payload(name: "arguments object", params: params(#"{"n": 1}"#),
                reason: #"serialized_params "arguments" must be an array, found object {"n":1}"#),
        Payload(name: "arguments string", params: params(#""1""#),
                reason: #"serialized_params "arguments" must be an array, found string "1""#),
        Payload(name: "wrong type", params: params(#"["seven"]"#),
                reason: #"positional argument 0 must be Int, found string "seven""#),
        Payload(name: "no argument", params: params("[]"), reason: "positional argument 0 is missing"),
        Payload(name: "control characters", params: params(#"["a\nb\u001b[2J"]"#),
                reason: #"positional argument 0 must be Int, found string "a\nb\u001b[2J""#),
        Payload(name: "huge hash key", params: params("[{\"" + String(repeating: "k", count: 100_000) + "\": 1}]"),
                reason: "positional argument 0 must be Int, found hash with keys kkkk"),
        Payload(name: "nested garbage", params: params(#"[[[{"_aj_globalid": 5, "_aj_serialized": [null]}]]]"#),
                reason: "positional argument 0 must be Int"),
        Payload(name: "deep but allowed", params: params(nested(500, around: "1")),
                reason: "positional argument 0 must be Int, found array of 1"),
        Payload(name: "too deep", params: params(nested(600, around: "")),
                reason: "arrays and objects nest deeper than 512 levels"),
        Payload(name: "ten megabytes", params: params("[\"" + String(repeating: "x", count: 10_000_000) + "\"]"),
                reason: "positional argument 0 must be Int, found string"),
    ]

    /// `serialized_params` of a RecordingJob with these `arguments` (JSON text).
    public static func params(_ arguments: String) -> String {
        #"{"job_class": "RecordingJob", "job_id": "x", "arguments": "# + arguments + #", "executions": 0}"#
    }

    /// `depth` nested arrays around `inner`.
    static func nested(_ depth: Int, around inner: String) -> String {
        String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth)
    }

    /// Inserts a RecordingJob row due at `at`, as Rails would except for the given columns (`finishedAt` + `error`: discarded).
    @discardableResult
    public static func insert(_ db: PostgresConnection, params: String?, at: Date, queue: String? = "default",
                              jobClass: String? = "RecordingJob", scheduled: Bool = true, labels: [String]? = nil,
                              error: String? = nil, finishedAt: Date? = nil) async throws -> UUID {
        let id = UUID()
        try await db.query("""
            INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at,
                                   performed_at, finished_at, error, error_event, created_at, updated_at, job_class,
                                   labels, executions_count)
            VALUES ($1, $1, $2, 0, $3::jsonb, CASE WHEN $4 THEN $5::timestamp END, $6::timestamp, $6, $7::text,
                    CASE WHEN $7 IS NOT NULL THEN 1 END, $5, $5, $8, $9, CASE WHEN $6 IS NOT NULL THEN 1 END)
            """, [id, queue, params.map(PostgresJSON.init), scheduled, at, finishedAt, error, jobClass, labels])
        return id
    }

    /// Inserts a finished attempt of `job` with this error and backtrace.
    public static func attempt(_ db: PostgresConnection, of job: UUID, at: Date, error: String,
                               backtrace: [String]) async throws {
        try await db.query("""
            INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name,
              serialized_params, scheduled_at, finished_at, error, error_event, error_backtrace, duration)
            VALUES (gen_random_uuid(), $1, $1, $2, 'RecordingJob', 'default', '{}'::jsonb, $1, $1, $3, 1, $4,
                    interval '1 second')
            """, [at, job, error, backtrace])
    }
}
