import Foundation

/// Everything about one job, read on demand for the detail view (never for list rows).
public struct JobDetail: Sendable, Hashable {
    public var id: UUID
    public var jobClass: String
    public var queue: String
    public var priority: Int?
    public var state: JobListState
    public var createdAt: Date
    public var scheduledAt: Date?
    public var performedAt: Date?
    public var finishedAt: Date?
    public var attempts: Int
    public var labels: [String]
    public var error: String?
    public var errorEvent: Int?
    public var concurrencyKey: String?
    public var cronKey: String?
    public var lockedByProcess: UUID?
    /// Whether some session holds the job's advisory lock right now.
    public var advisoryLocked: Bool
    /// The Active Job `arguments` array as JSON text, cut to `JobDetail.argumentLimit` characters.
    public var arguments: String
    /// Preserved attempts, newest first.
    public var executions: [Execution]
    /// How many executions exist in total (more than `executions.count` when cut).
    public var executionCount: Int

    public static let argumentLimit = 65_536

    public init(id: UUID, jobClass: String, queue: String, priority: Int?, state: JobListState, createdAt: Date,
                scheduledAt: Date?, performedAt: Date?, finishedAt: Date?, attempts: Int, labels: [String],
                error: String?, errorEvent: Int?, concurrencyKey: String?, cronKey: String?, lockedByProcess: UUID?,
                advisoryLocked: Bool, arguments: String, executions: [Execution], executionCount: Int) {
        self.id = id
        self.jobClass = jobClass
        self.queue = queue
        self.priority = priority
        self.state = state
        self.createdAt = createdAt
        self.scheduledAt = scheduledAt
        self.performedAt = performedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.labels = labels
        self.error = error
        self.errorEvent = errorEvent
        self.concurrencyKey = concurrencyKey
        self.cronKey = cronKey
        self.lockedByProcess = lockedByProcess
        self.advisoryLocked = advisoryLocked
        self.arguments = arguments
        self.executions = executions
        self.executionCount = executionCount
    }

    /// One attempt (`good_job_executions` row).
    public struct Execution: Sendable, Hashable {
        public var id: UUID
        public var startedAt: Date
        public var scheduledAt: Date?
        public var finishedAt: Date?
        public var duration: Double?
        public var error: String?
        public var errorEvent: Int?
        public var processID: UUID?
        /// The first `backtraceLineLimit` lines, each cut to 500 characters.
        public var backtrace: [String]
        public var backtraceLineCount: Int

        public static let backtraceLineLimit = 200

        public init(id: UUID, startedAt: Date, scheduledAt: Date?, finishedAt: Date?, duration: Double?,
                    error: String?, errorEvent: Int?, processID: UUID?, backtrace: [String],
                    backtraceLineCount: Int) {
            self.id = id
            self.startedAt = startedAt
            self.scheduledAt = scheduledAt
            self.finishedAt = finishedAt
            self.duration = duration
            self.error = error
            self.errorEvent = errorEvent
            self.processID = processID
            self.backtrace = backtrace
            self.backtraceLineCount = backtraceLineCount
        }

        /// Time between being due and starting (the dashboard's "in queue").
        public var queueLatency: Double? { scheduledAt.map { startedAt.timeIntervalSince($0) } }
    }
}
