/// What one bookkeeping step writes: which timestamps become now, and which callback jobs to enqueue.
public struct BatchUpdate: Sendable, Hashable {
    public struct Callback: Sendable, Hashable {
        public var event: BatchEvent
        public var jobClass: String

        public init(_ event: BatchEvent, _ jobClass: String) {
            self.event = event
            self.jobClass = jobClass
        }
    }

    public var setsDiscardedAt = false
    public var setsJobsFinishedAt = false
    public var setsFinishedAt = false
    /// In the order GoodJob enqueues them: discard, success, finish.
    public var callbacks: [Callback] = []

    public init(setsDiscardedAt: Bool = false, setsJobsFinishedAt: Bool = false, setsFinishedAt: Bool = false,
                callbacks: [Callback] = []) {
        self.setsDiscardedAt = setsDiscardedAt
        self.setsJobsFinishedAt = setsJobsFinishedAt
        self.setsFinishedAt = setsFinishedAt
        self.callbacks = callbacks
    }

    public var changesRow: Bool { setsDiscardedAt || setsJobsFinishedAt || setsFinishedAt }
}
