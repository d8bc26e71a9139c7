import Foundation

/// What one execution slot is doing, for the screen (exact, no query).
public struct SlotState: Sendable, Hashable {
    public struct RunningJob: Sendable, Hashable {
        public let jobID: UUID
        public let jobClass: String
        public let queueName: String
        public let attempt: Int
        public let startedAt: Date
    }

    public let pool: Int
    public let index: Int
    public let job: RunningJob?
    /// The pool shrank: the slot goes once its job has ended.
    public var retiring = false
}

/// A pool's counters and state, as the process row and the screen show them.
public struct PoolState: Sendable, Hashable {
    public let index: Int
    public let queues: String
    /// The thread count asked for (slots not retiring, once the loop has applied it).
    public let maxThreads: Int
    /// Every slot, retiring ones included, by index.
    public let slots: [SlotState]
    public let succeeded: Int
    public let errored: Int
    public let claimErrors: Int
    public let lastClaimAt: Date?
    /// Database round trips of the producer loop (each ends attempts and claims in one).
    public let roundTrips: Int
}

/// The whole local worker at one instant.
public struct WorkerSnapshot: Sendable {
    public let processID: UUID
    public let paused: Bool
    public let stopping: Bool
    public let notifierConnected: Bool
    public let pools: [PoolState]
    public let startedAt: Date
}
