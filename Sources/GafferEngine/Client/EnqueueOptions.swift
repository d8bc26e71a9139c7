import Foundation

/// Per-enqueue overrides of a job type's defaults (Active Job's `set(...)`).
public struct EnqueueOptions: Sendable {
    public var queue: String?
    public var priority: Int?
    /// Run at this instant; wins over `delay`.
    public var at: Date?
    /// Run this many seconds from now.
    public var delay: Double?
    public var labels: [String]?
    public var concurrencyKey: String?
    public var cronKey: String?
    public var cronAt: Date?

    public init(queue: String? = nil, priority: Int? = nil, at: Date? = nil, delay: Double? = nil,
                labels: [String]? = nil, concurrencyKey: String? = nil, cronKey: String? = nil, cronAt: Date? = nil) {
        self.queue = queue
        self.priority = priority
        self.at = at
        self.delay = delay
        self.labels = labels
        self.concurrencyKey = concurrencyKey
        self.cronKey = cronKey
        self.cronAt = cronAt
    }
}
