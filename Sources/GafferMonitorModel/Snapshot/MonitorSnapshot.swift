#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything the screen shows at one moment: immutable, built by the poller, rendered by GafferUI.
public struct MonitorSnapshot: Sendable {
    /// The application time the queries used: the age of the cheap panes' data (Threads, Queues).
    public var takenAt: Date
    /// When the slower panes (Limits, Failures, Cron, Processes) were last read; nil before.
    public var slowTakenAt: Date?
    /// When the Failures pane was last read (on its own, sparser cadence); nil: with the other slow panes.
    public var failuresTakenAt: Date?
    public var queues: [QueueStats]
    /// Every queue seen this session (in counts, finished jobs, pauses, workers' selections), sorted:
    /// an idle queue keeps its row, so rows do not shift and it can be paused ahead of time.
    public var queueNames: [String]
    /// True when discarded counts hit `MonitorLimits.discardedCap` (shown as "≥").
    public var discardedCapped: Bool
    public var throughput: ThroughputHistory
    /// Running jobs of other processes (the local worker's own are in `local`).
    public var running: [RunningJob]
    public var processes: [ProcessRecord]
    public var failures: [FailureGroup]
    public var cron: [CronKeyRun]
    public var concurrencyKeys: [ConcurrencyKeyStats]
    public var settings: SettingsRecord
    /// The newest batches with their progress.
    public var batches: [BatchSummary]
    public var local: LocalWorkerSnapshot?
    /// The standby's lag when the monitor reads from a replica (`--replica-url`); nil when it reads the primary.
    public var replica: ReplicaLag?
    public var refresh: RefreshStatus

    public init(takenAt: Date, queues: [QueueStats] = [], queueNames: [String] = [], discardedCapped: Bool = false,
                throughput: ThroughputHistory = ThroughputHistory(), running: [RunningJob] = [],
                processes: [ProcessRecord] = [], failures: [FailureGroup] = [], cron: [CronKeyRun] = [],
                concurrencyKeys: [ConcurrencyKeyStats] = [], settings: SettingsRecord = SettingsRecord(),
                batches: [BatchSummary] = [], local: LocalWorkerSnapshot? = nil, replica: ReplicaLag? = nil,
                refresh: RefreshStatus = RefreshStatus()) {
        self.takenAt = takenAt
        self.queues = queues
        self.queueNames = queueNames
        self.discardedCapped = discardedCapped
        self.throughput = throughput
        self.running = running
        self.processes = processes
        self.failures = failures
        self.cron = cron
        self.concurrencyKeys = concurrencyKeys
        self.settings = settings
        self.batches = batches
        self.local = local
        self.replica = replica
        self.refresh = refresh
    }

    /// Before the first refresh.
    public static func empty(at now: Date) -> MonitorSnapshot {
        MonitorSnapshot(takenAt: now, refresh: RefreshStatus(isLoading: true))
    }
}

/// How the last refresh went: its cost, the pace now in force, and any failure.
public struct RefreshStatus: Sendable, Hashable {
    /// Wall time of the last refresh's queries, in seconds.
    public var queryTime: Double
    /// Seconds until the next refresh (the chosen interval, or longer when backing off).
    public var interval: Double
    /// True when queries were slow and the poller stretched the interval.
    public var backingOff: Bool
    /// The interval the operator chose (`--interval`, the config file); `interval` is longer while backing off.
    public var chosenInterval: Double
    /// The last refresh's failure (connection lost, query error), one line.
    public var error: String?
    /// True until the first refresh completes.
    public var isLoading: Bool
    /// When the refreshes started failing (the database unreachable); nil while they succeed.
    public var failingSince: Date?

    public init(queryTime: Double = 0, interval: Double = 1, backingOff: Bool = false, chosenInterval: Double? = nil,
                error: String? = nil, isLoading: Bool = false, failingSince: Date? = nil) {
        self.queryTime = queryTime
        self.interval = interval
        self.backingOff = backingOff
        self.chosenInterval = chosenInterval ?? interval
        self.error = error
        self.isLoading = isLoading
        self.failingSince = failingSince
    }
}
