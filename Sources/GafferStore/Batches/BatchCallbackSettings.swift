import Foundation
import GafferCore

/// What a callback job row is made from: the batch, the event and class, and the batch's
/// `callback_queue_name` / `callback_priority` (nil: the job class's own default, as Active Job's `set`).
public struct BatchCallbackSettings: Sendable, Hashable {
    public var batchID: UUID
    public var callback: BatchUpdate.Callback
    public var queueName: String?
    public var priority: Int?
}
