/// Jobs of one queue that finished inside a time window (for throughput).
public struct FinishedCounts: Sendable, Hashable {
    public var queue: String
    public var succeeded: Int
    public var failed: Int

    public init(queue: String, succeeded: Int, failed: Int) {
        self.queue = queue
        self.succeeded = succeeded
        self.failed = failed
    }
}
