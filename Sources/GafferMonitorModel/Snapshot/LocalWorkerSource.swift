#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferCron

/// The co-hosted worker, as the monitor sees it: exact per-slot state read from memory, no query.
///
/// `gaffer start` passes its engine; `gaffer top` has none. `snapshot()` is called once per frame,
/// so it must be cheap and must not block.
public protocol LocalWorkerSource: Sendable {
    func snapshot() -> LocalWorkerSnapshot
    /// Stops (true) or resumes (false) claiming new jobs; running jobs go on.
    func setPaused(_ paused: Bool)
    /// Asks the worker to claim now: a job it may take was just made due (retry, run now).
    func wake()
    /// Adds `delta` threads to pool `pool` (removes them when negative); running jobs go on, a busy
    /// slot retires once its job has ended. The process row shows the new count on return.
    func changeThreads(pool: Int, by delta: Int) async -> Result<ThreadChange, ThreadChangeError>
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
    /// The cron entries this worker enqueues (empty when its cron is off).
    public var cron: [CronSchedule]
    /// The job classes this worker registers (it claims no other); nil when unknown.
    public var jobClasses: Set<String>?
    /// The worker's last log lines (empty when its log is not kept in memory).
    public var log: LogRing

    public init(processID: UUID, pid: Int, pools: [Pool], slots: [Slot], isPaused: Bool, succeeded: Int, failed: Int,
                limits: [ConcurrencyLimitState] = [], cron: [CronSchedule] = [], jobClasses: Set<String>? = nil,
                log: LogRing = LogRing(capacity: 1)) {
        self.processID = processID
        self.pid = pid
        self.pools = pools
        self.slots = slots
        self.isPaused = isPaused
        self.succeeded = succeeded
        self.failed = failed
        self.limits = limits
        self.cron = cron
        self.jobClasses = jobClasses
        self.log = log
    }

    /// A cron entry: its key, schedule and job class, so the screen knows its exact next fire time.
    public struct CronSchedule: Sendable, Hashable {
        public var key: String
        public var schedule: CronExpression
        /// The schedule as written (`0 3 * * *`, `@hourly`).
        public var scheduleText: String
        public var jobClass: String
        /// GoodJob's `enabled_by_default`: off entries run only once the dashboard enables them.
        public var enabledByDefault: Bool

        public init(key: String, schedule: CronExpression, scheduleText: String, jobClass: String,
                    enabledByDefault: Bool = true) {
            self.key = key
            self.schedule = schedule
            self.scheduleText = scheduleText
            self.jobClass = jobClass
            self.enabledByDefault = enabledByDefault
        }
    }

    /// One pool: a queue-selection entry and its thread count.
    public struct Pool: Sendable, Hashable {
        public var index: Int
        /// The selection as written (`"a,b"`, `"-a"`, `"+a,b"`, `"*"`).
        public var queues: String
        /// The thread count asked for: its slots not retiring.
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
        /// The pool shrank: the slot goes once its job has ended.
        public var retiring: Bool

        public init(index: Int, pool: Int, job: SlotJob?, retiring: Bool = false) {
            self.index = index
            self.pool = pool
            self.job = job
            self.retiring = retiring
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

    /// Slots running a job, retiring ones included.
    public var busySlots: Int { slots.filter { $0.job != nil }.count }
    /// The threads asked for, over every pool (retiring slots not counted).
    public var threads: Int { pools.reduce(0) { $0 + $1.threads } }
    public var retiringSlots: Int { slots.filter(\.retiring).count }
    /// Busy slots not retiring: how many of the threads asked for run a job.
    public var busyThreads: Int { busySlots - retiringSlots }
}
