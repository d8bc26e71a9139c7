import Foundation
import GafferConcurrency
import GafferMonitorModel
import GafferStore
import Postgres

/// Reads the tables into `MonitorSnapshot`s on an interval, backing off when queries are slow.
///
/// Cheap panes (queues, running jobs, pauses, throughput) are read every refresh; the others
/// after `RefreshPolicy.slowPaneDelay` (longer the more they cost) or when `wake(full:)` asks, the
/// failures on their own cadence at `RefreshPolicy.failuresShare` of the time (their frame shows the age).
/// Above `MonitorLimits.exactCountCap` unfinished rows, queue counts and retrying failures are estimates and the
/// running list reads only claimed jobs (`MonitorQueries.queueCounts`, `failureGroups`), so a refresh costs the
/// same at any backlog. A failed refresh
/// keeps the previous data, records the error in `refresh.error`, reconnects when the connection
/// was lost, and retries with a doubling delay.
///
/// With `primary`, `connection` is a read replica: every read goes to it, and each refresh also reads the
/// standby's lag (one statement on each server, no table read on the primary).
public actor MonitorPoller {
    private let db: PostgresConnection
    private let primary: PostgresConnection?
    private let local: (any LocalWorkerSource)?
    private let clock: @Sendable () -> Date
    private let wakeup = Wakeup()
    private var nextFullAt = ContinuousClock.now
    private var nextFailuresAt = ContinuousClock.now
    /// Where the estimate's sample starts in the id space: fixed, so estimates do not jitter between refreshes.
    private let sampleStart = UUID()
    /// Discarded counts per queue as the slow panes last read them, for estimated queue counts.
    private var discarded: [String: Int]?
    private var failures = 0
    private var forceFull = true
    private var lastWindowEnd: Date?
    /// Queues seen since the poller started; they keep their rows while idle.
    private var knownQueues: Set<String> = []

    public private(set) var latest: MonitorSnapshot
    public private(set) var interval: Double
    /// Counts every unfinished row at each refresh instead of estimating above the cap, queues and failures (costs as
    /// much as the backlog).
    public private(set) var exactCounts = false
    /// The share of time the slow panes may take (`RefreshPolicy.slowPaneShare`), and the failures query (`failuresShare`).
    private let slowPaneShare: Double
    private let failuresShare: Double

    public init(connection: PostgresConnection, primary: PostgresConnection? = nil,
                local: (any LocalWorkerSource)? = nil, interval: Double = 1,
                clock: @escaping @Sendable () -> Date = { Date() }, slowPaneShare: Double = RefreshPolicy.slowPaneShare,
                failuresShare: Double = RefreshPolicy.failuresShare) {
        self.db = connection
        self.primary = primary
        self.local = local
        self.clock = clock
        self.slowPaneShare = slowPaneShare
        self.failuresShare = failuresShare
        self.interval = interval.clamped(to: RefreshPolicy.intervalRange)
        self.latest = .empty(at: clock())
        self.latest.refresh.interval = self.interval
    }

    /// Counts exactly (`true`) or estimates above the cap, and refreshes at once.
    public func setExactCounts(_ exact: Bool) {
        exactCounts = exact
        nextFailuresAt = .now
        wake()
    }

    /// Changes the interval (clamped) and refreshes at once.
    public func setInterval(_ seconds: Double) {
        interval = seconds.clamped(to: RefreshPolicy.intervalRange)
        wake()
    }

    /// Ends the current wait; with `full`, the next refresh also re-reads the slow panes.
    public func wake(full: Bool = false) {
        if full { forceFull = true }
        wakeup.signal()
    }

    /// Refreshes until the task is cancelled, handing each snapshot to `deliver`.
    public func run(_ deliver: @Sendable (MonitorSnapshot) -> Void) async {
        while !Task.isCancelled {
            let snapshot = await refresh()
            deliver(snapshot)
            await wakeup.wait(seconds: snapshot.refresh.interval)
        }
    }

    /// One refresh; returns and keeps the new snapshot.
    @discardableResult
    public func refresh() async -> MonitorSnapshot {
        let now = clock()
        let started = ContinuousClock.now
        let full = forceFull || started >= nextFullAt
        let failuresDue = forceFull || started >= nextFailuresAt
        do {
            var next = latest
            next.takenAt = now
            if let primary { next.replica = try await MonitorQueries.replicaLag(standby: db, primary: primary) }
            next.queues = exactCounts ? try await MonitorQueries.queueStats(db, now: now)
                : try await MonitorQueries.queueCounts(db, now: now, sampleStart: sampleStart, discarded: false)
            let estimated = next.queues.contains(where: \.isEstimate)
            if estimated {
                let counts = full || discarded == nil ? try await MonitorQueries.discardedCounts(db) : discarded ?? [:]
                discarded = counts
                next.queues = MonitorQueries.merging(discarded: counts, into: next.queues)
            }
            next.discardedCapped = next.queues.reduce(0) { $0 + $1.discarded } >= MonitorLimits.discardedCap
            let finished = try await MonitorQueries.finishedCounts(db, since: lastWindowEnd ?? now, until: now)
            let localSnapshot = local?.snapshot()
            next.running = try await MonitorQueries.runningJobs(db, claimedOnly: estimated).filter {
                localSnapshot == nil || $0.processID != localSnapshot?.processID
            }
            next.settings = try await MonitorQueries.settings(db)
            // Per refresh, like Queues beside it: a waiting count five seconds older than the ready count lies.
            next.concurrencyKeys = try await MonitorQueries.concurrencyKeys(db, now: now)
            knownQueues.formUnion(next.queues.map(\.name) + finished.map(\.queue) + next.settings.pausedQueues)
            if full {
                let fullStarted = ContinuousClock.now
                knownQueues.formUnion(try await MonitorQueries.recentQueueNames(db))
                next.processes = try await MonitorQueries.processes(db, now: now)
                next.cron = try await MonitorQueries.cronEntries(db, now: now)
                next.batches = try await MonitorQueries.batches(db)
                next.slowTakenAt = now
                forceFull = false
                nextFullAt = .now + .seconds(RefreshPolicy.slowPaneDelay(
                    interval: interval, queryTime: fullStarted.duration(to: .now).seconds, share: slowPaneShare))
            }
            if failuresDue {
                let failuresStarted = ContinuousClock.now
                next.failures = try await MonitorQueries.failureGroups(
                    db, now: now, cap: exactCounts ? Int(Int32.max) : MonitorLimits.exactCountCap, sampleStart: sampleStart)
                next.failuresTakenAt = now
                nextFailuresAt = .now + .seconds(RefreshPolicy.slowPaneDelay(
                    interval: interval, queryTime: failuresStarted.duration(to: .now).seconds, share: failuresShare))
            }
            if lastWindowEnd != nil { next.throughput.record(finished) }
            lastWindowEnd = now
            next.local = localSnapshot
            let selections = next.processes.filter(\.isActive).flatMap(\.queueSelections)
                + (localSnapshot?.pools.map(\.queues) ?? [])
            knownQueues.formUnion(selections.flatMap(QueueSelectionMatch.named))
            next.queueNames = knownQueues.sorted()
            let took = started.duration(to: .now).seconds
            let (delay, backingOff) = RefreshPolicy.nextDelay(interval: interval, queryTime: took)
            next.refresh = RefreshStatus(queryTime: took, interval: delay, backingOff: backingOff,
                                         chosenInterval: interval)
            failures = 0
            latest = next
        } catch {
            failures += 1
            forceFull = true
            latest.refresh.error = (error as? PostgresError)?.description ?? "\(error)"
            latest.refresh.isLoading = false
            latest.refresh.failingSince = latest.refresh.failingSince ?? now
            latest.refresh.interval = RefreshPolicy.failureDelay(interval: interval, failures: failures)
            latest.local = local?.snapshot()
            if let pgError = error as? PostgresError, pgError.isConnectionError {
                try? await db.reconnect()
                if let primary, !(await primary.isConnected) { try? await primary.reconnect() }
            }
        }
        return latest
    }

    /// One job with its attempts, for the detail view.
    /// The ids of the jobs whose id starts with `prefix`, at most `limit` (an index range scan).
    public func jobIDs(startingWith prefix: JobIDPrefix, limit: Int) async throws -> [UUID] {
        try await MonitorQueries.jobIDs(db, prefix: prefix, limit: limit)
    }

    public func jobDetail(_ id: UUID) async throws -> JobDetail? {
        try await MonitorQueries.jobDetail(db, id: id, now: clock())
    }

    /// How many jobs a list's scope holds (counted up to 100,000).
    public func countJobs(_ scope: JobListScope) async throws -> Int {
        try await MonitorQueries.countJobs(db, scope: scope, now: clock())
    }

    /// Jobs finished and failed per bucket of `span`, from the rows (no warm-up).
    public func history(_ span: JobHistory.Span) async throws -> JobHistory {
        try await MonitorQueries.history(db, span: span, now: clock())
    }

    /// One page of a job list (`fromEnd`: the page before `cursor`, or the last).
    public func jobs(_ scope: JobListScope, after cursor: JobListCursor? = nil, limit: Int = 50, fromEnd: Bool = false)
        async throws -> [JobSummary]
    {
        try await MonitorQueries.jobs(db, scope: scope, now: clock(), after: cursor, limit: limit, fromEnd: fromEnd)
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}

extension Double {
    func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
