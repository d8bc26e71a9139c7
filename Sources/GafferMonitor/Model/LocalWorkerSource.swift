import Foundation
import GafferCron

/// The co-hosted worker, as the monitor sees it: exact per-slot state read from memory, no query.
///
/// `gaffer start` passes its engine; `gaffer top` has none. `snapshot()` is called once per frame,
/// so it must be cheap and must not block.
public protocol LocalWorkerSource: Sendable {
    func snapshot() -> LocalWorkerSnapshot
    /// Stops (true) or resumes (false) claiming new jobs; running jobs go on.
    func setPaused(_ paused: Bool)
}

/// The local worker's state at one moment.
public struct LocalWorkerSnapshot: Sendable, Hashable {
    public var processID: UUID
    /// Operating-system process id.
    public var pid: Int
    public var pools: [Pool]
    public var slots: [Slot]
    public var isPaused: Bool
    public var succeeded: Int
    public var failed: Int
    /// The app's concurrency limits and throttles per key, as the engine's limiter counts them.
    public var limits: [ConcurrencyLimitState]

    public init(processID: UUID, pid: Int, pools: [Pool], slots: [Slot], isPaused: Bool, succeeded: Int, failed: Int,
                limits: [ConcurrencyLimitState] = []) {
        self.processID = processID
        self.pid = pid
        self.pools = pools
        self.slots = slots
        self.isPaused = isPaused
        self.succeeded = succeeded
        self.failed = failed
        self.limits = limits
    }

    /// One pool: a queue-selection entry and its thread count.
    public struct Pool: Sendable, Hashable {
        public var index: Int
        /// The selection as written (`"a,b"`, `"-a"`, `"+a,b"`, `"*"`).
        public var queues: String
        public var threads: Int

        public init(index: Int, queues: String, threads: Int) {
            self.index = index
            self.queues = queues
            self.threads = threads
        }
    }

    /// One execution slot.
    public struct Slot: Sendable, Hashable {
        public var index: Int
        public var pool: Int
        /// The job it runs, nil when idle.
        public var job: SlotJob?

        public init(index: Int, pool: Int, job: SlotJob?) {
            self.index = index
            self.pool = pool
            self.job = job
        }
    }

    /// The job a slot is running.
    public struct SlotJob: Sendable, Hashable {
        public var id: UUID
        public var jobClass: String
        public var queue: String
        public var attempt: Int
        public var startedAt: Date

        public init(id: UUID, jobClass: String, queue: String, attempt: Int, startedAt: Date) {
            self.id = id
            self.jobClass = jobClass
            self.queue = queue
            self.attempt = attempt
            self.startedAt = startedAt
        }
    }

    public var busySlots: Int { slots.filter { $0.job != nil }.count }
}
