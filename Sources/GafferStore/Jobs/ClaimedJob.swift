import Foundation
import Postgres

/// A job this process has claimed and started an attempt of (contract §3.5–3.6).
public struct ClaimedJob: Sendable {
    public let id: UUID
    public let executionID: UUID
    public let jobClass: String
    public let queueName: String
    public let priority: Int?
    /// The Active Job serialization as stored, JSON text.
    public let serializedParams: String
    public let scheduledAt: Date?
    public let createdAt: Date
    public let labels: [String]
    public let concurrencyKey: String?
    public let cronKey: String?
    /// Attempts started, this one included.
    public let executionsCount: Int
    /// Set when a previous attempt never finished (its process died): it was recorded as interrupted.
    public let interruptedAt: Date?
    /// The batch the job belongs to; its attempt ends feed the batch's bookkeeping.
    public let batchID: UUID?
    /// The batch whose callback this job is.
    public let batchCallbackID: UUID?

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        executionID = try row.decode("execution_id")
        jobClass = try row.decode("job_class", as: String?.self) ?? ""
        queueName = try row.decode("queue_name", as: String?.self) ?? "default"
        priority = try row.decode("priority")
        serializedParams = try row.decode("serialized_params", as: String?.self) ?? "null"
        scheduledAt = try row.decode("scheduled_at")
        createdAt = try row.decode("created_at")
        labels = try row.decode("labels", as: [String]?.self) ?? []
        concurrencyKey = try row.decode("concurrency_key")
        cronKey = try row.decode("cron_key")
        executionsCount = try row.decode("executions_count", as: Int?.self) ?? 1
        interruptedAt = try row.decode("interrupted_at")
        batchID = try row.decode("batch_id")
        batchCallbackID = try row.decode("batch_callback_id")
    }
}
