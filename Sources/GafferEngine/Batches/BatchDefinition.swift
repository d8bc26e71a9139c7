import GafferCore

/// A batch to create: what `GoodJob::Batch.new(description:, on_finish:, ..., **properties)` takes.
public struct BatchDefinition: Sendable {
    public var description: String?
    /// The batch's properties, handed to its callback jobs (Ruby's `batch.properties`).
    public var properties: ArgumentHash
    /// Enqueued once every job finished.
    public var onFinish: BatchCallbackClass?
    /// Enqueued once every job finished, when none was discarded.
    public var onSuccess: BatchCallbackClass?
    /// Enqueued when the first job is discarded.
    public var onDiscard: BatchCallbackClass?
    /// Queue and priority of the callback jobs; nil: each callback class's own.
    public var callbackQueueName: String?
    public var callbackPriority: Int?

    public init(description: String? = nil, properties: ArgumentHash = ArgumentHash(),
                onFinish: BatchCallbackClass? = nil, onSuccess: BatchCallbackClass? = nil,
                onDiscard: BatchCallbackClass? = nil, callbackQueueName: String? = nil, callbackPriority: Int? = nil) {
        self.description = description
        self.properties = properties
        self.onFinish = onFinish
        self.onSuccess = onSuccess
        self.onDiscard = onDiscard
        self.callbackQueueName = callbackQueueName
        self.callbackPriority = callbackPriority
    }

    /// The Swift types among the callback classes, for their queue and priority defaults.
    var callbackTypes: JobRegistry {
        JobRegistry([onFinish, onSuccess, onDiscard].compactMap { $0?.type })
    }
}
