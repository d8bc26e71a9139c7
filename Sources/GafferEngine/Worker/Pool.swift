import Foundation
import GafferConcurrency
import GafferCore
import GafferStore
import Logging
import Postgres

/// One queue-selection entry: its execution slots and the producer loops that feed them.
///
/// Each claiming session (`PoolLane`) has a loop that batches the attempt ends of its jobs that
/// finished meanwhile into one statement with a claim for the free slots, and sleeps until a job
/// finishes, a notification or the poll says there may be work, or the earliest known future
/// `scheduled_at` arrives. The lanes' claims together never exceed the pool's budget (`ClaimBudget`:
/// the slots plus one batch waiting for them); a claim in flight holds its share (`reserved`). The
/// session that claimed a job holds its advisory lock.
///
/// The thread count can change while it runs (`setThreads`): the loop adds or retires slots before
/// its next claim (`SlotPlan`), never while a claim is in flight, so every claimed job finds a slot.
actor Pool {
    struct Environment: Sendable {
        let processID: UUID
        let registry: JobRegistry
        let configuration: WorkerConfiguration
        let databaseConfig: ConnectionConfig
        let hasLockType: Bool
        let logger: Logger
        /// Hands an error outside any job (a lost session, failed bookkeeping) to the error reporter, if any.
        let reportError: @Sendable (any Error, String) -> Void
        let clock: @Sendable () -> Date
        let runner: JobRunner
        let limiter: Limiter
        let symbolizer: TraceSymbolizer
    }

    let index: Int
    let spec: PoolSpec
    let environment: Environment
    /// The claiming sessions; lane 0 is the one the process always has.
    private var lanes: [PoolLane]
    /// Slots promised to claims in flight: not free for another lane's claim, nor removable.
    private var reserved = 0
    /// The execution slots by index; a retiring one is busy and goes once its job has ended.
    private var slots: [Int: Slot]
    /// The thread count asked for: the slots not retiring, once the loop has applied it.
    private(set) var threads: Int
    private var running: [Int: (task: Task<Void, Never>, job: SlotState.RunningJob, executionID: UUID, lane: Int)] = [:]
    /// Claimed jobs waiting for a free slot, in claim order, with the lane that holds their locks.
    private var waiting: [(job: ClaimedJob, lane: Int)] = []
    private var pace = AttemptPace()
    private var wantClaim = true { didSet { if wantClaim { claimAsks &+= 1 } } }
    /// Times `wantClaim` was set: a claim compares it before and after its round trip.
    private var claimAsks = 0
    /// Set when the shutdown timeout passed: the stop no longer waits for the database to come back.
    private var givingUp = false
    /// Set when cancelled bodies still had not returned: the loop ends without them.
    private var abandoning = false
    /// The jobs whose bodies never returned (their threads are stuck; the process must exit).
    private(set) var abandonedJobs: [UUID] = []
    private var paused = false
    private var stopping = false
    private var nextScheduledAt: Date?
    private var nextPollAt: Date
    private var succeeded = 0
    private var errored = 0
    private var claimErrors = 0
    private var lastClaimAt: Date?
    private var roundTrips = 0
    private let client: GafferClient

    /// `connections`: the claiming sessions, at least one (`lanes(threads:)` says how many to open).
    init(index: Int, spec: PoolSpec, environment: Environment, connections: [PostgresConnection],
         clientConnection: PostgresConnection) {
        precondition(!connections.isEmpty, "a pool needs a claiming session")
        self.index = index
        self.spec = spec
        self.environment = environment
        self.lanes = connections.map(PoolLane.init(connection:))
        self.threads = spec.threads
        self.slots = Dictionary(uniqueKeysWithValues: (0..<spec.threads).map {
            ($0, Slot(pool: index, index: $0, databaseConfig: environment.databaseConfig))
        })
        self.nextPollAt = environment.clock()
        self.client = GafferClient(connection: clientConnection, clock: environment.clock)
    }

    /// Claiming sessions for a pool starting with `threads`: two, so one round trip runs while the other's
    /// commit waits for its flush (1.15–1.25× the drain of one, bench/RESULTS.md); one for a one-thread pool.
    static func lanes(threads: Int) -> Int { threads >= 2 ? 2 : 1 }

    /// What a claiming session sets as it opens: generic plans, and no sequential scans where an index serves.
    ///
    /// The lane's statements are prepared once per session. Left to choose, PostgreSQL planned the attempt
    /// end and the unlock afresh on every call (it estimates 100 rows for an `unnest` of a parameter, so
    /// the generic plan looks dearer than a custom one for 5): 0.56 ms and 0.17 ms of planning per round
    /// trip, a third of the server's time in a drain (pg_stat_statements, bench/RESULTS.md). Forced generic
    /// plans are made once, but then from the table as it was: made while `good_job_executions` was small,
    /// the end's plan scanned every execution row (8.6 ms per end at 20,000 rows, auto_explain). Every
    /// statement a lane runs looks rows up by key or walks an index in order, so the penalty on sequential
    /// scans only keeps the planner on them.
    static let claimingSessionSettings = ["enable_seqscan": "off", "plan_cache_mode": "force_generic_plan"]

    /// A slot thread's stack: a main thread's 8 MiB, room for job bodies and for decoding a payload nested 512 deep.
    static let slotStackSize = 8 << 20

    /// One execution slot: the thread its jobs run on and its database session for job bodies.
    private struct Slot: Sendable {
        let thread: ThreadExecutor
        let database: LazyConnection
        var retiring = false
        /// The task of the slot's last job: it may still be returning on the thread after `finished`.
        var lastJob: Task<Void, Never>?

        init(pool: Int, index: Int, databaseConfig: ConnectionConfig) {
            thread = ThreadExecutor(name: "gaffer-\(pool)-\(index)", stackSize: Pool.slotStackSize)
            database = LazyConnection(config: databaseConfig, name: "gaffer-job-\(pool)-\(index)")
        }

        /// Ends the thread and closes the session once the slot's last job task has returned.
        func close() {
            Task { [lastJob, thread, database] in
                await lastJob?.value
                thread.shutdown()
                await database.close()
            }
        }
    }

    private var budget: ClaimBudget {
        ClaimBudget(slots: slots.count, liveSlots: liveSlots, running: running.count, waiting: waiting.count,
                    reserved: reserved, claimsAhead: pace.jobsAreShort)
    }

    private var liveSlots: Int { slots.values.filter { !$0.retiring }.count }

    // MARK: Signals from the worker

    func notify(scheduledAt: Date?) {
        if let scheduledAt, scheduledAt > environment.clock() {
            nextScheduledAt = min(nextScheduledAt ?? scheduledAt, scheduledAt)
        } else {
            wantClaim = true
        }
        wakeAll()
    }

    private func wakeAll() {
        for lane in lanes { lane.wake.signal() }
    }

    func setPaused(_ value: Bool) {
        paused = value
        wantClaim = true
        wakeAll()
    }

    /// Stops claiming; running jobs go on. `run()` returns once they have all ended.
    func beginStop() {
        stopping = true
        wakeAll()
    }

    /// Cancels the running job bodies (shutdown timeout passed); jobs still waiting for a slot are
    /// released unrun, for the next claim to record as interrupted like the cancelled ones.
    func cancelRunning() {
        givingUp = true
        for entry in running.values { entry.task.cancel() }
        for (job, lane) in waiting {
            lanes[lane].pending.append(AttemptResult(jobID: job.id, executionID: job.executionID, outcome: .interrupted,
                                                     error: nil, errorEvent: nil, backtrace: [], duration: 0))
        }
        waiting = []
        wakeAll()
    }

    /// Stops waiting for bodies that ignored cancellation: `run()` writes the attempt ends it has, closes
    /// the sessions (releasing the stuck jobs' advisory locks) and returns; their rows stay started, to
    /// be re-run as interrupted.
    func abandon() {
        guard !running.isEmpty else { return }
        abandoning = true
        abandonedJobs = running.values.map { $0.job.jobID }
        wakeAll()
    }

    /// Asks for `count` threads; the loop adds or retires slots before its next claim. Returns the count before.
    func setThreads(_ count: Int) throws(ThreadChangeError) -> Int {
        if stopping {
            throw ThreadChangeError(.stopping, pool: index, queues: spec.queuesText, threads: threads, requested: count)
        }
        if let refused = ThreadChangeError.check(pool: index, queues: spec.queuesText, threads: threads, requested: count) {
            throw refused
        }
        let before = threads
        threads = count
        wakeAll()
        return before
    }

    /// `setThreads(threads + delta)`, in one step on this actor.
    func changeThreads(by delta: Int) throws(ThreadChangeError) -> Int {
        try setThreads(threads + delta)
    }

    /// The jobs this pool runs, has waiting or has yet to end: its claims, which `LostClaimSQL` must leave alone.
    func heldJobIDs() -> [UUID] {
        running.values.map { $0.job.jobID } + waiting.map { $0.job.id } + lanes.flatMap { $0.pending.map { $0.jobID } }
    }

    func state() -> PoolState {
        let slots = self.slots.sorted { $0.key < $1.key }.map {
            SlotState(pool: index, index: $0.key, job: running[$0.key]?.job, retiring: $0.value.retiring)
        }
        return PoolState(index: index, queues: spec.queuesText, maxThreads: threads, slots: slots,
                         succeeded: succeeded, errored: errored, claimErrors: claimErrors, lastClaimAt: lastClaimAt,
                         roundTrips: roundTrips)
    }

    // MARK: The loop

    func run() async {
        EngineMetrics.poolsStarted(threads: liveSlots)
        defer { EngineMetrics.poolStopped(threads: liveSlots) }
        await withTaskGroup(of: Void.self) { group in
            for lane in lanes.indices { group.addTask { await self.run(lane: lane) } }
        }
        for slot in slots.values { slot.thread.shutdown() }
        // A stuck body may be inside its slot's session: that one is left to the process exit.
        for (index, slot) in slots where running[index] == nil { await slot.database.close() }
        // Closing the claiming sessions releases the advisory locks of any job cancelled mid-run.
        for lane in lanes { await lane.connection.close() }
    }

    /// True when lane `lane` has nothing left to do: stopping, none of its jobs running or waiting, nothing to write.
    private func isDone(lane: Int) -> Bool {
        stopping && lanes[lane].isSettled && !running.values.contains { $0.lane == lane }
            && !waiting.contains { $0.lane == lane }
    }

    /// One lane's producer loop: round trips on its session until the pool stops.
    private func run(lane: Int) async {
        let config = environment.configuration
        let wake = lanes[lane].wake
        let name = lanes.count > 1 ? "pool \(index) session \(lane)" : "pool \(index)"
        var backoff = ReconnectBackoff(name: name, logger: environment.logger, report: environment.reportError)
        while !isDone(lane: lane) && !abandoning {
            resizeSlots()
            do {
                if backoff.isFailing { try await reopen(lane: lane) }
                try await exchange(lane: lane)
                backoff.succeeded()
                if !lanes[lane].batchEnds.isEmpty { await settleBatches(lane: lane) }
            } catch {
                claimErrors += 1
                let delay = backoff.failed(error)
                if givingUp && (!running.values.contains { $0.lane == lane } || abandoning) {
                    // Past the shutdown timeout with the database unreachable: the unwritten attempts
                    // keep performed_at and run again as interrupted (contract §3.6).
                    environment.logger.warning("\(name): stopping without writing \(lanes[lane].pending.count) attempt end(s); those jobs will run again as interrupted")
                    lanes[lane].pending = []
                    break
                }
                await wake.wait(seconds: delay)
                continue
            }
            let now = environment.clock()
            var deadline = config.pollInterval > 0 ? nextPollAt : now.addingTimeInterval(3600)
            if let scheduled = nextScheduledAt { deadline = min(deadline, scheduled) }
            await wake.wait(seconds: stopping ? 1 : max(0, deadline.timeIntervalSince(now)))
            // Let slots that finished at the same moment report first, so one round trip ends them all.
            await Task.yield()
            let after = environment.clock()
            if config.pollInterval > 0 && after >= nextPollAt {
                wantClaim = true
                nextPollAt = after.addingTimeInterval(config.pollInterval)
            }
            if let scheduled = nextScheduledAt, after >= scheduled {
                wantClaim = true
                nextScheduledAt = nil
            }
        }
        try? await exchange(lane: lane)
        await settleBatches(lane: lane)
    }

    /// Applies the thread count asked for (`SlotPlan`): new slots claim at once, idle ones go now,
    /// busy ones retire once their job has ended. Waits while a claim is in flight (its jobs need their slots).
    private func resizeSlots() {
        guard reserved == 0 else { return }
        let plan = SlotPlan.plan(slots.map { SlotPlan.Slot(index: $0.key, busy: running[$0.key] != nil, retiring: $0.value.retiring) },
                                 threads: threads)
        guard !plan.isEmpty else { return }
        let before = liveSlots
        for index in plan.keep { slots[index]?.retiring = false }
        for index in plan.retire { slots[index]?.retiring = true }
        for index in plan.remove { slots.removeValue(forKey: index)?.close() }
        for index in plan.add { slots[index] = Slot(pool: self.index, index: index, databaseConfig: environment.databaseConfig) }
        EngineMetrics.poolResized(threads: liveSlots - before)
        if !plan.add.isEmpty { wantClaim = true }
        startWaiting()
    }

    /// Ends the finished attempts and claims as many jobs as there are free slots, in one round trip
    /// (`ExchangeLayout`): the ends and the claim commit together, then a second transaction releases
    /// the ended jobs' advisory locks.
    private func exchange(lane: Int) async throws {
        let limit = !stopping && !paused && wantClaim ? budget.free : 0
        // The claim answers the asks made before it is sent. One made while it is in flight (a notification,
        // a freed slot) must stay set for the next round trip: the claim may have missed the job it announced.
        let asks = claimAsks
        reserved += limit
        lanes[lane].inFlight = true
        defer {
            reserved -= limit
            lanes[lane].inFlight = false
        }
        // Types with concurrency limits first, within their limits (Limits/Limiter.swift).
        let limited = limit > 0 && environment.limiter.hasLimitedTypes ? try await claimLimited(limit, lane: lane) : Limiter.Claim()
        // Ends whose throw site was symbolicated meanwhile carry the full lines; the rest are written apart.
        let batch = lanes[lane].pending.map { result in
            lanes[lane].symbolicated.removeValue(forKey: result.executionID).map(result.with) ?? result
        }
        let backtraces = lanes[lane].symbolicated
        lanes[lane].symbolicated = [:]
        let unlockPending = lanes[lane].unlockPending
        let unlocks = unlockPending + batch.map { $0.jobID }
        let now = environment.clock()
        let rest = limit - limited.jobs.count
        let layout = ExchangeLayout(ending: batch, unlockingEarlier: !unlockPending.isEmpty,
                                    afterFailure: lanes[lane].lastExchangeFailed, now: now)
        let statements = ExchangeLayout.Statements(
            end: batch.isEmpty ? nil : CompleteSQL.statement(batch, processID: environment.processID, now: now,
                                                             hasLockType: environment.hasLockType),
            unlock: unlocks.isEmpty ? nil : CompleteSQL.unlockStatement(jobIDs: unlocks, processID: environment.processID),
            claim: rest > 0 ? ClaimSQL.statement(processID: environment.processID, now: now, limit: rest,
                                                 jobClasses: environment.limiter.unlimitedClassNames,
                                                 queues: spec.queueFilter,
                                                 pausesEnabled: environment.configuration.enablePauses,
                                                 hasLockType: environment.hasLockType) : nil,
            lookAhead: limit > 0 ? ClaimSQL.nextScheduledStatement(now: now, jobClasses: environment.registry.classNames) : nil,
            backtraces: backtraces.isEmpty ? nil : CompleteSQL.backtraceStatement(backtraces))
        let plan = layout.transactions(statements)
        guard !plan.transactions.isEmpty else { return }
        lanes[lane].pending = []
        lanes[lane].unlockPending = []
        roundTrips += 1
        EngineMetrics.claimRoundTrip()
        let outcomes: [Result<[PostgresRows], PostgresError>]
        do {
            outcomes = try await lanes[lane].connection.pipeline(transactions: plan.transactions, prepared: true)
        } catch {
            lanes[lane].pending = batch + lanes[lane].pending
            lanes[lane].unlockPending = unlocks + lanes[lane].unlockPending
            lanes[lane].symbolicated.merge(backtraces) { newer, _ in newer }
            lanes[lane].lastExchangeFailed = true
            for job in limited.jobs { start(job, lane: lane) }
            throw error
        }
        lanes[lane].lastExchangeFailed = outcomes.contains { if case .failure = $0 { true } else { false } }
        var failure: PostgresError?
        func rows(_ slot: ExchangeLayout.Slot?) -> Result<PostgresRows, PostgresError>? {
            guard let slot else { return nil }
            return outcomes[slot.transaction].map { $0[slot.statement] }
        }
        // A finish that failed leaves its jobs held (the unlock skips them): end them again next time.
        if case .failure(let error)? = rows(plan.end) {
            lanes[lane].pending = batch + lanes[lane].pending
            failure = error
        }
        if case .failure(let error)? = rows(plan.unlock) {
            lanes[lane].unlockPending = unlocks + lanes[lane].unlockPending
            failure = failure ?? error
        }
        if case .failure(let error)? = rows(plan.backtraces) {
            // The ends hold the names-only lines; the source lines are not worth a retry loop.
            environment.logger.warning("pool \(index): could not write \(backtraces.count) symbolicated backtrace(s): \(error)")
        }
        for job in limited.jobs { start(job, lane: lane) }
        guard limit > 0 else {
            if let failure { throw failure }
            return
        }
        let claimedRows = rows(plan.claim)
        if case .failure(let error)? = claimedRows { failure = failure ?? error }
        if case .failure(let error)? = rows(plan.lookAhead) { failure = failure ?? error }
        if let failure { throw failure }
        let claimed = try claimedRows.map { try ClaimSQL.decode(try $0.get()) } ?? []
        lastClaimAt = now
        wantClaim = limited.jobs.count + claimed.count == limit || claimAsks != asks
        for job in claimed { start(job, lane: lane) }
        if limited.jobs.count + claimed.count < limit, case .success(let ahead)? = rows(plan.lookAhead),
           let next = try ahead.first?.decode("next", as: Date?.self) {
            nextScheduledAt = min(nextScheduledAt ?? next, next)
        }
        if let wake = limited.wakeAt { nextScheduledAt = min(nextScheduledAt ?? wake, wake) }
    }

    // MARK: Concurrency limits

    /// Ends the finished attempts (so they no longer count as running) and releases their locks after
    /// that commit, then claims jobs of the limited types as far as their limits allow, on the lane's session.
    private func claimLimited(_ limit: Int, lane: Int) async throws -> Limiter.Claim {
        let batch = lanes[lane].pending
        let connection = lanes[lane].connection
        if !batch.isEmpty {
            lanes[lane].pending = []
            roundTrips += 1
            EngineMetrics.claimRoundTrip()
            let outcomes: [Result<[PostgresRows], PostgresError>]
            do {
                outcomes = try await connection.pipeline(transactions: CompleteSQL.transactions(
                    batch, processID: environment.processID, now: environment.clock(),
                    hasLockType: environment.hasLockType))
            } catch {
                lanes[lane].pending = batch + lanes[lane].pending
                throw error
            }
            if case .failure(let error) = outcomes[0] {
                lanes[lane].pending = batch + lanes[lane].pending
                throw error
            }
            if case .failure = outcomes[1] { lanes[lane].unlockPending += batch.map { $0.jobID } }
        }
        return try await environment.limiter.claim(
            on: connection, Limiter.PoolContext(processID: environment.processID, queues: spec.queueFilter,
                                                pausesEnabled: environment.configuration.enablePauses,
                                                hasLockType: environment.hasLockType), limit: limit)
    }

    /// Runs a job `lane` claimed on a free slot, or has it wait for one.
    private func start(_ claimed: ClaimedJob, lane: Int) {
        guard let slot = slots.keys.filter({ running[$0] == nil }).min(), let thread = slots[slot]?.thread,
              let database = slots[slot]?.database else {
            waiting.append((claimed, lane))
            return
        }
        let info = SlotState.RunningJob(jobID: claimed.id, jobClass: claimed.jobClass, queueName: claimed.queueName,
                                        attempt: claimed.executionsCount, startedAt: environment.clock())
        let logger = Self.logger(environment.logger, for: claimed)
        if let interrupted = claimed.interruptedAt {
            logger.warning("\(claimed.jobClass) \(claimed.id.uuidString.lowercased()): previous attempt started \(interrupted) was interrupted; running again")
        }
        let environment = environment
        let client = client
        let task = Task(executorPreference: thread) {
            // The slot's thread runs this job's body (and its child tasks): a crash there is the job's.
            CrashCapture.running(claimed.id)
            defer { CrashCapture.running(nil) }
            let attempt = await environment.runner.run(claimed) { payload in
                JobContext(jobID: claimed.id, attempt: claimed.executionsCount, queueName: claimed.queueName,
                           labels: claimed.labels, enqueuedAt: payload?.enqueuedAt?.date, logger: logger,
                           client: client, slotDatabase: database)
            }
            await self.finished(slot: slot, claimed, attempt, logger: logger)
        }
        running[slot] = (task, info, claimed.executionID, lane)
        EngineMetrics.attemptStarted(jobClass: claimed.jobClass, queue: claimed.queueName)
    }

    /// Starts waiting jobs on the free slots, oldest claim first.
    private func startWaiting() {
        while !waiting.isEmpty, slots.count > running.count {
            let next = waiting.removeFirst()
            start(next.job, lane: next.lane)
        }
    }

    /// The worker's logger with the job's id, class, queue and attempt on every line (its body's and the engine's).
    static func logger(_ base: Logger, for claimed: ClaimedJob) -> Logger {
        base.forJob(id: claimed.id, jobClass: claimed.jobClass, queue: claimed.queueName, attempt: claimed.executionsCount)
    }

    private func finished(slot: Int, _ claimed: ClaimedJob, _ attempt: JobRunner.Attempt?, logger: Logger) {
        let result = attempt?.result
        let ended = running.removeValue(forKey: slot)
        let lane = ended?.lane ?? 0
        if let trace = attempt?.trace, let result { symbolicate(trace, of: result, lane: lane) }
        slots[slot]?.lastJob = ended?.task
        if let retired = slots[slot], retired.retiring {
            slots[slot] = nil
            retired.close()
        }
        startWaiting()
        EngineMetrics.attemptEnded(jobClass: claimed.jobClass, queue: claimed.queueName, result)
        if let result {
            pace.record(duration: result.duration)
            lanes[lane].pending.append(result)
            if let end = BatchEnd(claimed, result) { lanes[lane].batchEnds.append(end) }
            switch result.outcome {
            case .interrupted: break
            case .finished where result.error == nil: succeeded += 1
            default: errored += 1
            }
            // Built only when written: a drain of no-op jobs spent 4 % of the process's time on unwritten lines.
            if logger.logLevel <= AttemptLogLine.level(of: result) {
                let line = AttemptLogLine(jobClass: claimed.jobClass, jobID: claimed.id, queue: claimed.queueName, result: result)
                logger.log(level: line.level, "\(line.message)", metadata: line.loggerMetadata)
            }
        }
        wantClaim = true
        lanes[lane].wake.signal()
        // The job's lane ends it after its round trip; once a full batch is free, an idle lane claims it now.
        if lanes[lane].inFlight, !stopping, !paused, budget.hasFullBatch, let free = lanes.firstIndex(where: { !$0.inFlight }) {
            lanes[free].wake.signal()
        }
    }

    /// Symbolicates a failed attempt's throw site off the slot thread, then has its lines written: into
    /// the end if it is still waiting, else by the lane's next round trip; the error report goes out then.
    private func symbolicate(_ trace: JobRunner.DeferredTrace, of result: AttemptResult, lane: Int) {
        lanes[lane].tracesInFlight += 1
        let symbolizer = environment.symbolizer
        let runner = environment.runner
        Task {
            let lines = await symbolizer.lines(trace.backtrace)
            runner.report(trace.report(lines))
            await self.symbolicated(lines, of: result.executionID, lane: lane)
        }
    }

    private func symbolicated(_ lines: [String], of executionID: UUID, lane: Int) {
        lanes[lane].tracesInFlight -= 1
        if let waiting = lanes[lane].pending.firstIndex(where: { $0.executionID == executionID }) {
            lanes[lane].pending[waiting] = lanes[lane].pending[waiting].with(backtrace: lines)
        } else {
            lanes[lane].symbolicated[executionID] = lines
        }
        lanes[lane].wake.signal()
    }

    /// Batch bookkeeping for the lane's batch jobs whose attempt end has committed (not back in its `pending`).
    private func settleBatches(lane: Int) async {
        let uncommitted = Set(lanes[lane].pending.map { $0.jobID })
        let ready = lanes[lane].batchEnds.filter { !uncommitted.contains($0.jobID) }
        guard !ready.isEmpty else { return }
        lanes[lane].batchEnds.removeAll { !uncommitted.contains($0.jobID) }
        let retry = await BatchBookkeeper.settle(ready, on: lanes[lane].connection, registry: environment.registry,
                                                 clock: environment.clock, logger: environment.logger,
                                                 report: environment.reportError)
        lanes[lane].batchEnds = retry + lanes[lane].batchEnds
    }

    /// After a failed round trip: replaces a lost session, which takes back the claims of the lane's jobs
    /// still held here: running, ending, and waiting for a slot.
    private func reopen(lane: Int) async throws {
        let connection = lanes[lane].connection
        if try await connection.reconnectIfLost() {
            lanes[lane].relockNeeded = true
            EngineMetrics.reconnected("pool")
        }
        guard lanes[lane].relockNeeded else { return }
        let waitingHere = waiting.filter { $0.lane == lane }.map { (id: $0.job.id, executionID: $0.job.executionID) }
        let held = running.values.filter { $0.lane == lane }.map { (id: $0.job.jobID, executionID: $0.executionID) }
            + lanes[lane].pending.map { (id: $0.jobID, executionID: $0.executionID) } + waitingHere
        let kept = try await RelockSQL.relock(connection, jobs: held, processID: environment.processID,
                                              now: environment.clock(), hasLockType: environment.hasLockType)
        for job in held where !kept.contains(job.id) {
            environment.logger.warning("pool \(index): job \(job.id.uuidString.lowercased()) was taken over while the session was lost; its attempt here is not written to the job")
        }
        // A waiting job taken over meanwhile is another worker's now: it must not start here too.
        waiting.removeAll { $0.lane == lane && !kept.contains($0.job.id) }
        lanes[lane].relockNeeded = false
    }
}
