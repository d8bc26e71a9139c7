import Foundation

/// A `good_jobs` row to insert, shaped as GoodJob's enqueue writes it (contract §2.1).
public struct NewJobRow: Sendable {
    public var id: UUID
    public var jobClass: String
    public var queueName: String
    public var priority: Int
    /// The Active Job serialization, as JSON text.
    public var serializedParams: String
    public var scheduledAt: Date
    public var concurrencyKey: String?
    public var labels: [String]?
    public var cronKey: String?
    public var cronAt: Date?
    /// The batch the job belongs to (`GoodJob::Batch#add`).
    public var batchID: UUID?
    /// The batch whose callback this job is.
    public var batchCallbackID: UUID?

    public init(id: UUID, jobClass: String, queueName: String, priority: Int, serializedParams: String,
                scheduledAt: Date, concurrencyKey: String? = nil, labels: [String]? = nil,
                cronKey: String? = nil, cronAt: Date? = nil, batchID: UUID? = nil, batchCallbackID: UUID? = nil) {
        self.id = id
        self.jobClass = jobClass
        self.queueName = queueName
        self.priority = priority
        self.serializedParams = serializedParams
        self.scheduledAt = scheduledAt
        self.concurrencyKey = concurrencyKey
        self.labels = labels
        self.cronKey = cronKey
        self.cronAt = cronAt
        self.batchID = batchID
        self.batchCallbackID = batchCallbackID
    }
}
