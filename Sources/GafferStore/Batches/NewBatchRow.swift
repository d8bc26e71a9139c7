import Foundation

/// A `good_job_batches` row to insert, as `GoodJob::Batch#save` writes it before its jobs are added.
public struct NewBatchRow: Sendable {
    public var id: UUID
    public var description: String?
    /// `serialized_properties`: one Active Job-serialized hash, JSON text.
    public var serializedProperties: String
    public var onFinish: String?
    public var onSuccess: String?
    public var onDiscard: String?
    public var callbackQueueName: String?
    public var callbackPriority: Int?

    public init(id: UUID, description: String?, serializedProperties: String, onFinish: String?, onSuccess: String?,
                onDiscard: String?, callbackQueueName: String?, callbackPriority: Int?) {
        self.id = id
        self.description = description
        self.serializedProperties = serializedProperties
        self.onFinish = onFinish
        self.onSuccess = onSuccess
        self.onDiscard = onDiscard
        self.callbackQueueName = callbackQueueName
        self.callbackPriority = callbackPriority
    }
}
