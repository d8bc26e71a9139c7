#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore

/// Everything about one job, read on demand for the detail view (never for list rows).
public struct JobDetail: Sendable, Hashable {
    public var id: UUID
    public var jobClass: String
    public var queue: String
    public var priority: Int?
    public var state: JobState
    public var createdAt: Date
    public var scheduledAt: Date?
    public var performedAt: Date?
    public var finishedAt: Date?
    public var attempts: Int
    /// The first `labelLimit` labels.
    public var labels: [String]
    /// How many labels the row has (more than `labels.count` when cut).
    public var labelCount: Int
    /// The error text, cut to `errorLimit` characters.
    public var error: String?
    /// The error's full length in characters (more than `error.count` when cut).
    public var errorLength: Int
    public var errorEvent: ErrorEvent?
    public var concurrencyKey: String?
    public var cronKey: String?
    public var lockedByProcess: UUID?
    /// Whether some session holds the job's advisory lock right now.
    public var advisoryLocked: Bool
    /// The Active Job `arguments` array as JSON text, cut to `JobDetail.argumentLimit` characters.
    public var arguments: String
    /// The full length of the arguments' JSON text.
    public var argumentsLength: Int
    /// Why `serialized_params` is not an Active Job payload (not an object, no `arguments`); nil when it is one.
    public var payloadProblem: String?
    /// Preserved attempts, newest first.
    public var executions: [Execution]
    /// How many executions exist in total (more than `executions.count` when cut).
    public var executionCount: Int

    public static let argumentLimit = 16_384
    public static let labelLimit = 100
    public static let errorLimit = 4_096
    /// Characters of a `serialized_params` that is not an object shown in `payloadProblem`.
    public static let excerptLimit = 200

    public init(id: UUID, jobClass: String, queue: String, priority: Int?, state: JobState, createdAt: Date,
                scheduledAt: Date?, performedAt: Date?, finishedAt: Date?, attempts: Int, labels: [String],
                labelCount: Int? = nil, error: String?, errorLength: Int? = nil, errorEvent: ErrorEvent?, concurrencyKey: String?,
                cronKey: String?, lockedByProcess: UUID?, advisoryLocked: Bool, arguments: String,
                executions: [Execution], executionCount: Int, argumentsLength: Int? = nil, payloadProblem: String? = nil) {
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
        self.labelCount = labelCount ?? labels.count
        self.error = error
        self.errorLength = errorLength ?? error?.count ?? 0
        self.errorEvent = errorEvent
        self.concurrencyKey = concurrencyKey
        self.cronKey = cronKey
        self.lockedByProcess = lockedByProcess
        self.advisoryLocked = advisoryLocked
        self.arguments = arguments
        self.argumentsLength = argumentsLength ?? arguments.count
        self.payloadProblem = payloadProblem
        self.executions = executions
        self.executionCount = executionCount
    }

    /// Names what is wrong with a `serialized_params` of JSON type `kind` (nil = SQL NULL), or nil if nothing.
    public static func payloadProblem(kind: String?, hasArguments: Bool?, excerpt: String?) -> String? {
        guard let kind else { return "serialized_params is NULL" }
        if kind == "object" { return hasArguments == true ? nil : "serialized_params has no \"arguments\"" }
        if kind == "null" { return "serialized_params is JSON null, not an object" }
        let article = kind == "array" ? "an" : "a"
        let shown = excerpt.map { $0.count > excerptLimit ? String($0.prefix(excerptLimit)) + "…" : $0 } ?? ""
        return "serialized_params is \(article) \(kind), not an object: \(shown)"
    }

    /// One attempt (`good_job_executions` row).
    public struct Execution: Sendable, Hashable {
        public var id: UUID
        public var startedAt: Date
        public var scheduledAt: Date?
        public var finishedAt: Date?
        public var duration: Double?
        /// The attempt's error, cut to `JobDetail.errorLimit` characters.
        public var error: String?
        /// The error's full length in characters.
        public var errorLength: Int
        public var errorEvent: ErrorEvent?
        public var processID: UUID?
        /// The first `backtraceLineLimit` lines, each cut to 500 characters.
        public var backtrace: [String]
        public var backtraceLineCount: Int

        public static let backtraceLineLimit = 200

        public init(id: UUID, startedAt: Date, scheduledAt: Date?, finishedAt: Date?, duration: Double?,
                    error: String?, errorLength: Int? = nil, errorEvent: ErrorEvent?, processID: UUID?, backtrace: [String],
                    backtraceLineCount: Int) {
            self.id = id
            self.startedAt = startedAt
            self.scheduledAt = scheduledAt
            self.finishedAt = finishedAt
            self.duration = duration
            self.error = error
            self.errorLength = errorLength ?? error?.count ?? 0
            self.errorEvent = errorEvent
            self.processID = processID
            self.backtrace = backtrace
            self.backtraceLineCount = backtraceLineCount
        }

        /// Time between being due and starting (the dashboard's "in queue").
        public var queueLatency: Double? { scheduledAt.map { startedAt.timeIntervalSince($0) } }
    }
}
