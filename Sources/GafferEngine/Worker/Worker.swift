import Foundation
import GafferCore
import GafferStore
import Logging
import Postgres

/// One worker process: its pools, notifier, heartbeat and reaper, and its lifecycle.
///
/// Connections: one per pool (claims, attempt ends, the advisory locks of running jobs), one for
/// enqueues from jobs, one for the process row (which holds the process advisory lock) and
/// maintenance, and the notifier's LISTEN session. Job bodies run on the slots' own threads.
public actor Worker {
    public let processID = UUID()
    public let configuration: WorkerConfiguration
    let registry: JobRegistry
    let databaseConfig: ConnectionConfig
    let logger: Logger
    let clock: @Sendable () -> Date
    /// Symbolicates failed attempts' throw sites off the slot threads (tests hold it to show ends do not wait).
    nonisolated let traceSymbolizer = TraceSymbolizer()
    /// Claims the job types that have concurrency limits; its `states` feed the monitor's limits pane.
    public nonisolated let limiter: Limiter
    /// Started, notifier connected, stopping: for the health probe, without waiting on this actor.
    public nonisolated let health = WorkerHealth()
    private var pools: [Pool] = []
    /// Whether `good_jobs` has GoodJob 4's `lock_type` column (`SchemaGate`).
    private var hasLockType = true
    private var poolTasks: [Task<Void, Never>] = []
    private var control: PostgresConnection?
    private var enqueueConnection: PostgresConnection?
    private var listener: PostgresListener?
    private var background: [Task<Void, Never>] = []
    private var paused = false
    private var stopping = false
    private var notifierConnected = false
    private var notifierLostAt: Date?
    private var startedAt = Date()
    /// Whether `start` wrote the process row (a start that failed before it has nothing to undo or report).
    private var registered = false
    private var poolStates: [PoolState] = []
    /// Process-row refreshes begun, so a slower one with an older state gives way (`refreshProcessRow`).
    private var rowWrites = 0
    private var hooks: [@Sendable (PostgresConnection, Date) async throws -> Void] = []
    private var errorReports: ErrorReportQueue?

    public init(registry: JobRegistry, database: ConnectionConfig, configuration: WorkerConfiguration = WorkerConfiguration(),
                logger: Logger = .silent, clock: @escaping @Sendable () -> Date = Date.init) {
        self.registry = registry
        self.databaseConfig = database
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        self.limiter = Limiter(registry: registry, clock: clock)
    }

    /// Adds work done on each maintenance tick on the control connection (the cron enqueuer uses it).
    public func addMaintenanceHook(_ hook: @escaping @Sendable (PostgresConnection, Date) async throws -> Void) {
        hooks.append(hook)
    }

    /// Connects, registers the process row, and starts every pool, the notifier and the heartbeat.
    public func start() async throws {
        let specs = try QueueSelection.parse(configuration.queues, defaultThreads: configuration.maxThreads)
        let control = try await PostgresConnection.connect(databaseConfig, applicationName: "gaffer-worker")
        self.control = control
        let inspection = try await SchemaGate.check(control)
        hasLockType = inspection.hasLockType
        startedAt = clock()
        var runner = JobRunner(registry: registry, retryOnUnhandledError: configuration.retryOnUnhandledError,
                               clock: clock, jitter: { Double.random(in: 0..<1) })
        if let reporter = configuration.onError {
            let queue = ErrorReportQueue(reporter: reporter, logger: logger)
            errorReports = queue
            runner.report = { queue.submit($0) }
        }
        let environment = Pool.Environment(processID: processID, registry: registry, configuration: configuration,
                                           databaseConfig: databaseConfig, hasLockType: inspection.hasLockType,
                                           logger: logger, reportError: workerErrorReporter(), clock: clock, runner: runner,
                                           limiter: limiter, symbolizer: traceSymbolizer)
        let enqueueConnection = try await PostgresConnection.connect(databaseConfig, applicationName: "gaffer-enqueue")
        self.enqueueConnection = enqueueConnection
        for (index, spec) in specs.pools.enumerated() {
            var connections: [PostgresConnection] = []
            for lane in 0..<Pool.lanes(threads: spec.threads) {
                connections.append(try await PostgresConnection.connect(
                    databaseConfig, applicationName: lane == 0 ? "gaffer-pool-\(index)" : "gaffer-pool-\(index)-\(lane)",
                    settings: Pool.claimingSessionSettings))
            }
            pools.append(Pool(index: index, spec: spec, environment: environment, connections: connections,
                              clientConnection: enqueueConnection))
        }
        try await refreshPoolStates()
        try await ProcessSQL.register(control, id: processID, state: stateJSON(), now: clock())
        registered = true
        if let directory = configuration.crashDirectory {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                if !CrashCapture.install(directory: directory, processID: processID) {
                    logger.warning("crash capture: could not install the signal handler; crashes will not be recorded")
                }
            } catch {
                logger.warning("crash capture: cannot create \(directory): \(error.localizedDescription); crashes will not be recorded")
            }
            // Before the reaper releases a crashed process's jobs to the pools, so its crash is recorded first.
            do { try await recordCrashes(control, directory: directory) } catch {
                logger.error("crash capture: could not record a crash: \(error); trying again at the next reap")
                reportWorkerError(error, "crash capture")
            }
            // A crash-looping job may take this process down too: the tracker hears of the last crash first.
            await errorReports?.delivered(within: Self.reportDrainGrace)
        }
        try await ProcessSQL.reap(control, now: clock())
        for pool in pools { poolTasks.append(Task { await pool.run() }) }
        health.update { $0.started = true }
        if configuration.enableListenNotify { startNotifier() }
        background.append(Task { await self.maintenanceLoop() })
        logger.info("worker \(processID.uuidString.lowercased()) started: queues \(configuration.queues), \(specs.pools.reduce(0) { $0 + $1.threads }) threads, classes \(registry.classNames.joined(separator: ", "))")
    }

    /// Local pause: no new claims; running jobs finish. Shows in the process row at the next heartbeat.
    public func setPaused(_ value: Bool) async {
        paused = value
        for pool in pools { await pool.setPaused(value) }
        logger.info("\(value ? "worker paused: no new jobs will be claimed" : "worker resumed")")
        if let control { try? await refreshProcessRow(control, now: clock()) }
    }

    public var isPaused: Bool { paused }

    /// Changes pool `index`'s thread count to `count` while the worker runs. New slots claim at once;
    /// a running job is never interrupted: its slot retires once the job has ended. The process row
    /// shows the new count when this returns.
    @discardableResult
    public func setThreads(pool index: Int, to count: Int) async throws(ThreadChangeError) -> ThreadChange {
        let pool = try self.pool(index, requested: count)
        let before = try await pool.setThreads(count)
        return await threadsChanged(ThreadChange(pool: index, queues: pool.spec.queuesText, from: before, to: count))
    }

    /// Adds `delta` threads to pool `index` (removes them when negative), as `setThreads` does.
    @discardableResult
    public func changeThreads(pool index: Int, by delta: Int) async throws(ThreadChangeError) -> ThreadChange {
        let pool = try self.pool(index, requested: delta)
        let before = try await pool.changeThreads(by: delta)
        return await threadsChanged(ThreadChange(pool: index, queues: pool.spec.queuesText, from: before, to: before + delta))
    }

    private func pool(_ index: Int, requested: Int) throws(ThreadChangeError) -> Pool {
        guard pools.indices.contains(index) else {
            throw ThreadChangeError(.noSuchPool(pools: pools.count), pool: index, requested: requested)
        }
        return pools[index]
    }

    private func threadsChanged(_ change: ThreadChange) async -> ThreadChange {
        logger.info("\(change)")
        if let control { try? await refreshProcessRow(control, now: clock()) }
        return change
    }

    /// How a stop ended.
    public enum StopOutcome: Sendable, Equatable {
        /// Every body returned (finished, or cancelled at the timeout).
        case drained
        /// These jobs' bodies ignored cancellation and still run on their threads: the process must exit
        /// (status 1). Their locks and the process row are released; they run again as interrupted.
        case abandoned([UUID])
    }

    /// How long a body has to return once cancelled at the shutdown timeout before it is abandoned.
    ///
    /// Half a second was too short on a loaded 2-core machine: a cancelled `Task.sleep` sometimes took
    /// longer to return, and a body that obeyed cancellation was abandoned. Two seconds still ends well
    /// inside the example unit's `TimeoutStopSec=40` after the 25 s shutdown timeout.
    public static let abandonGrace: Duration = .seconds(2)

    /// The job classes this worker claims (its registry's).
    public nonisolated var jobClassNames: [String] { registry.classNames }

    /// Asks every pool to claim now (a job was made due by hand in this process: the screen's retry
    /// or run now), without waiting for the poll or the notification's round trip.
    public func wake() async {
        for pool in pools { await pool.notify(scheduledAt: nil) }
    }

    /// Graceful stop: stop claiming, let running jobs finish within `timeout` seconds (< 0: forever),
    /// then cancel them (they are re-run later as interrupted), abandon those that do not return within
    /// `abandonGrace`, delete the process row, close.
    @discardableResult
    public func stop(timeout: Double? = nil) async -> StopOutcome {
        guard !stopping else { return .drained }
        stopping = true
        health.update { $0.started = false; $0.stopping = true }
        let timeout = timeout ?? configuration.shutdownTimeout
        listener?.stop()
        if notifierConnected { EngineMetrics.notifier(connected: false) }
        notifierConnected = false
        for pool in pools { await pool.beginStop() }
        let tasks = poolTasks
        let drained = Task { for task in tasks { await task.value } }
        if timeout >= 0 {
            let pools = self.pools
            let canceller = Task {
                try await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                for pool in pools { await pool.cancelRunning() }
                try await Task.sleep(for: Self.abandonGrace)
                for pool in pools { await pool.abandon() }
            }
            await drained.value
            canceller.cancel()
        } else {
            await drained.value
        }
        var abandoned: [UUID] = []
        for pool in pools { abandoned += await pool.abandonedJobs }
        if !abandoned.isEmpty {
            let ids = abandoned.map { $0.uuidString.lowercased() }.joined(separator: ", ")
            logger.error("shutdown timeout: \(abandoned.count) job body(ies) did not return when cancelled; leaving them to run again as interrupted: \(ids)")
        }
        for task in background { task.cancel() }
        await errorReports?.finish(waitingUpTo: Self.reportDrainGrace)
        if let control {
            if registered {
                do { try await ProcessSQL.deregister(control, id: processID) } catch {
                    logger.error("could not delete the process row: \(error)")
                    reportWorkerError(error, "shutdown")
                }
            }
            await control.close()
        }
        await enqueueConnection?.close()
        if registered { logger.info("worker \(processID.uuidString.lowercased()) stopped") }
        return abandoned.isEmpty ? .drained : .abandoned(abandoned)
    }

    /// Waits until the worker has stopped.
    public func waitUntilStopped() async {
        for task in poolTasks { await task.value }
    }

    public func snapshot() async -> WorkerSnapshot {
        var states: [PoolState] = []
        for pool in pools { states.append(await pool.state()) }
        return WorkerSnapshot(processID: processID, paused: paused, stopping: stopping,
                              notifierConnected: notifierConnected, pools: states, startedAt: startedAt)
    }

    // MARK: Notifier

    private func startNotifier() {
        let listener = PostgresListener(config: databaseConfig, channels: ["good_job"], applicationName: "GoodJob::Notifier")
        self.listener = listener
        listener.start()
        background.append(Task {
            for await event in listener.events { await self.handle(event) }
        })
    }

    private func handle(_ event: ListenerEvent) async {
        switch event {
        case .connected:
            guard !stopping else { return }
            if let since = notifierLostAt {
                EngineMetrics.reconnected("notifier")
                logger.info("notifier: listening again after \(String(format: "%.1f", clock().timeIntervalSince(since))) s")
            }
            notifierLostAt = nil
            if !notifierConnected { EngineMetrics.notifier(connected: true) }
            notifierConnected = true
            health.update { $0.notifierConnected = true }
            // Anything enqueued while we were deaf is found by one claim in each pool.
            for pool in pools { await pool.notify(scheduledAt: nil) }
        case .disconnected(let error):
            if notifierConnected {
                logger.warning("notifier: \(error); polling carries on")
                reportWorkerError(error, "notifier")
                notifierLostAt = clock()
                EngineMetrics.notifier(connected: false)
            }
            notifierConnected = false
            health.update { $0.notifierConnected = false }
        case .notification(let note):
            let hint = NotifyHint(payload: note.payload)
            for pool in pools where pool.spec.accepts(queueName: hint.queueName) {
                await pool.notify(scheduledAt: hint.scheduledAt)
            }
        }
    }

    // MARK: Heartbeat, reaper, hooks

    private func maintenanceLoop() async {
        var lastHeartbeat = clock()
        var backoff = ReconnectBackoff(name: "worker control connection", logger: logger, report: workerErrorReporter())
        var delay = 0.0
        // After an outage every process lost its advisory lock at once: give the others time to
        // reconnect before reaping them as dead (they would come back to find their jobs re-run).
        var reapFrom = ContinuousClock.now
        var lastLostClaimCheck = Date.distantPast
        while !Task.isCancelled && !stopping {
            let tick = max(0.2, min(configuration.reapInterval, 1))
            try? await Task.sleep(for: .milliseconds(Int((backoff.isFailing ? delay : tick) * 1000)))
            guard let control, !stopping else { return }
            let now = clock()
            do {
                let reconnected = try await control.reconnectIfLost()
                if reconnected { EngineMetrics.reconnected("control") }
                if reconnected || backoff.isFailing {
                    try await ProcessSQL.register(control, id: processID, state: stateJSON(), now: now)
                    reapFrom = .now + .milliseconds(Int(configuration.reapGraceAfterOutage * 1000))
                }
                backoff.succeeded()
            } catch {
                delay = backoff.failed(error)
                continue
            }
            do {
                if now.timeIntervalSince(lastHeartbeat) >= configuration.heartbeatInterval {
                    try await refreshProcessRow(control, now: now)
                    lastHeartbeat = now
                }
                if ContinuousClock.now >= reapFrom {
                    if let directory = configuration.crashDirectory { try await recordCrashes(control, directory: directory) }
                    let reaped = try await ProcessSQL.reap(control, now: now)
                    if reaped.processes > 0 {
                        logger.info("reaped \(reaped.processes) dead process(es); their jobs are free to run again")
                    }
                    if reaped.orphanedJobs > 0 {
                        logger.info("released \(reaped.orphanedJobs) job(s) claimed by processes already reaped")
                    }
                    if reaped != ProcessSQL.Reaped(processes: 0, orphanedJobs: 0) {
                        for pool in pools { await pool.notify(scheduledAt: nil) }
                    }
                }
                if now.timeIntervalSince(lastLostClaimCheck) >= configuration.reapInterval {
                    try await releaseLostClaims(control, now: now)
                    lastLostClaimCheck = now
                }
                for hook in hooks { try await hook(control, now) }
            } catch {
                if await control.isConnected {
                    logger.error("maintenance: \(error)")
                    reportWorkerError(error, "maintenance")
                } else {
                    delay = backoff.failed(error)
                }
            }
        }
    }

    /// Releases the jobs whose claim committed while a pool's session was lost (`LostClaimSQL`).
    private func releaseLostClaims(_ control: PostgresConnection, now: Date) async throws {
        var held: [UUID] = []
        for pool in pools { held += await pool.heldJobIDs() }
        let released = try await LostClaimSQL.release(control, processID: processID, held: held,
                                                      claimedBefore: now.addingTimeInterval(-configuration.lostClaimAge),
                                                      now: now, hasLockType: hasLockType)
        guard !released.isEmpty else { return }
        logger.warning("released \(released.count) job(s) whose claim was lost with a pool's session; they run again as interrupted: \(released.map { $0.uuidString.lowercased() }.joined(separator: ", "))")
        for pool in pools { await pool.notify(scheduledAt: nil) }
    }

    /// Records the crashes of exited processes found in `directory` (`CrashSQL`), then deletes their files.
    private func recordCrashes(_ control: PostgresConnection, directory: String) async throws {
        for found in CrashCapture.found(in: directory) {
            let crash = found.record
            let registry = registry
            let fallback = configuration.maxCrashes
            let outcome = try await CrashSQL.record(control, crash, now: clock()) { jobClass in
                registry.type(named: jobClass)?.maxCrashes ?? fallback
            }
            for file in found.files { try? FileManager.default.removeItem(atPath: file) }
            let process = "worker process \(crash.processID.uuidString.lowercased()) (pid \(crash.pid))"
            errorReports?.submit(Self.crashReport(crash, outcome))
            if let job = crash.jobID, let jobClass = outcome.jobClass {
                let id = job.uuidString.lowercased()
                let fate = outcome.discarded
                    ? "discarded after \(outcome.crashes) crashes"
                    : "crash \(outcome.crashes) of at most \(registry.type(named: jobClass)?.maxCrashes ?? fallback)"
                logger.error("\(jobClass) \(id) crashed \(process): \(crash.reason); \(fate); \(outcome.interrupted) other job(s) interrupted")
            } else {
                logger.error("\(process) crashed on thread \(crash.threadName), running no job: \(crash.reason); \(outcome.interrupted) job(s) interrupted")
            }
        }
    }

    /// A crash as the error reporter gets it: the job it killed (discarded or to re-run), or none.
    static func crashReport(_ crash: CrashRecord, _ outcome: CrashSQL.Outcome) -> ErrorReport {
        let error = WorkerCrash(processID: crash.processID, pid: crash.pid, signal: crash.signal, threadName: crash.threadName,
                                reason: crash.reason)
        guard let job = crash.jobID, let jobClass = outcome.jobClass else {
            return ErrorReport(kind: .crash, error: error, verdict: .carryOn, backtrace: crash.frames, component: crash.threadName)
        }
        return ErrorReport(kind: .crash, jobID: job, jobClass: jobClass, error: error,
                           verdict: outcome.discarded ? .discard : .interrupted, event: outcome.discarded ? .discarded : .interrupted,
                           backtrace: crash.frames, component: crash.threadName)
    }

    // MARK: Errors outside jobs

    /// How long a stop waits for the error reporter to take the reports still queued.
    static let reportDrainGrace: Duration = .seconds(5)

    /// Hands an error no job owns to the error reporter (if any); the caller has logged it.
    private func reportWorkerError(_ error: any Error, _ component: String) {
        workerErrorReporter()(error, component)
    }

    /// `reportWorkerError` for code off this actor (pools, backoffs).
    private func workerErrorReporter() -> @Sendable (any Error, String) -> Void {
        let queue = errorReports
        return { error, component in
            queue?.submit(ErrorReport(kind: .worker, error: error, verdict: .carryOn, component: component))
        }
    }

    private func refreshPoolStates() async throws {
        poolStates = []
        for pool in pools { poolStates.append(await pool.state()) }
    }

    /// Rewrites the process row's state and heartbeat. A write whose state a later call has already
    /// read is skipped, so an older state (a thread count before a change) never lands after a newer one.
    private func refreshProcessRow(_ control: PostgresConnection, now: Date) async throws {
        rowWrites += 1
        let write = rowWrites
        let state = await stateJSON()
        guard write == rowWrites else { return }
        try await ProcessSQL.refresh(control, id: processID, state: state, now: now)
    }

    private func stateJSON() async -> String {
        ProcessState.json(snapshot: await snapshot(), configuration: configuration,
                          cronEnabled: configuration.enableCron).serialized()
    }
}

/// What a `good_job` notification's payload hints: which queue, and when (contract §4).
struct NotifyHint {
    var queueName: String?
    var scheduledAt: Date?

    init(payload: String) {
        guard let json = try? JSONValue.parse(payload) else { return }
        queueName = json["queue_name"]?.stringValue
        if let text = json["scheduled_at"]?.stringValue {
            scheduledAt = JobTimestamp(iso8601: text)?.date
        } else if let seconds = json["scheduled_at"]?.doubleValue {
            scheduledAt = Date(timeIntervalSince1970: seconds)
        }
    }
}
