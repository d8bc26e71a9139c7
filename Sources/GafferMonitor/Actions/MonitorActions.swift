import Foundation
import GafferCore
import GafferMonitorModel
import GafferStore
import Postgres

/// Carries out the operator's actions: job actions and pauses in the database, pause of the local worker.
///
/// With `readOnly` every action is refused before any query is sent.
public struct MonitorActions: Sendable {
    private let db: PostgresConnection
    private let local: (any LocalWorkerSource)?
    public let readOnly: Bool
    /// The app's cron entries, for "enqueue now".
    public let cron: CronRunner
    private let clock: @Sendable () -> Date

    public init(connection: PostgresConnection, local: (any LocalWorkerSource)? = nil, readOnly: Bool = false,
                cron: CronRunner = .none, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.db = connection
        self.local = local
        self.readOnly = readOnly
        self.cron = cron
        self.clock = clock
    }

    /// Applies `action` to each job in turn; a refused job does not stop the others, a database error does
    /// (the report keeps what was done before it). `scheduledAt` applies to `.reschedule` only; nil is now.
    public func perform(_ action: JobAction, ids: [UUID], scheduledAt: Date? = nil) async -> ActionReport {
        var report = ActionReport(verb: action.pastTense)
        do {
            try await apply(action, to: ids, scheduledAt: scheduledAt, into: &report)
        } catch {
            report.failure = Self.failure(error)
        }
        // The NOTIFY reaches the co-hosted worker through its listener; poke it directly as well.
        if report.done > 0, action == .retry || action == .reschedule { local?.wake() }
        return report
    }

    /// `perform` for the command line: `refused` hears each refused job with its id, and a database
    /// error is thrown as it came, after the jobs before it were changed.
    public func apply(_ action: JobAction, to ids: [UUID], scheduledAt: Date? = nil, into report: inout ActionReport,
                      refused: (UUID, JobActionRefusal) -> Void = { _, _ in }) async throws {
        guard !readOnly else { report.failure = .readOnly; return }
        for id in ids {
            switch try await JobActions.perform(action, id: id, now: clock(), scheduledAt: scheduledAt, on: db) {
            case .done:
                report.done += 1
            case .refused(let reason):
                report.refused.append(reason)
                refused(id, reason)
            }
        }
    }

    /// How many jobs a bulk action writes per transaction.
    public static let chunkSize = 500

    /// Applies `action` to every job in `ids`, `chunkSize` per transaction (`JobActions.perform(_:ids:)`: a
    /// job a worker holds is skipped and counted as refused). `progress` hears the report after each chunk;
    /// when `isCancelled` turns true the chunks not yet started are left alone and the report says so.
    /// A database error ends the run, keeping what the committed chunks did.
    public func performAll(_ action: JobAction, ids: [UUID], chunkSize: Int = MonitorActions.chunkSize,
                           progress: (ActionReport) -> Void = { _ in },
                           isCancelled: () -> Bool = { Task.isCancelled }) async -> ActionReport {
        var report = ActionReport(verb: action.pastTense, total: ids.count)
        do {
            try await applyAll(action, to: ids, chunkSize: chunkSize, into: &report, progress: progress,
                               isCancelled: isCancelled)
        } catch {
            report.failure = Self.failure(error)
        }
        if report.done > 0, action == .retry || action == .reschedule { local?.wake() }
        return report
    }

    /// `performAll` over every job in `scope` as listed when the call starts (`ids(in:)`, no limit).
    public func performAll(_ action: JobAction, in scope: JobListScope, progress: (ActionReport) -> Void = { _ in },
                           isCancelled: () -> Bool = { Task.isCancelled }) async -> ActionReport {
        guard !readOnly else { return ActionReport(verb: action.pastTense, failure: .readOnly, total: 0) }
        do {
            let ids = try await self.ids(in: scope)
            return await performAll(action, ids: ids, progress: progress, isCancelled: isCancelled)
        } catch {
            return ActionReport(verb: action.pastTense, failure: Self.failure(error), total: 0)
        }
    }

    /// `performAll` for the command line: a database error is thrown as it came, after the chunks before it.
    public func applyAll(_ action: JobAction, to ids: [UUID], chunkSize: Int = MonitorActions.chunkSize,
                         into report: inout ActionReport, progress: (ActionReport) -> Void = { _ in },
                         isCancelled: () -> Bool = { false }) async throws {
        guard !readOnly else { report.failure = .readOnly; return }
        var start = 0
        while start < ids.count {
            if isCancelled() { report.cancelled = true; return }
            let chunk = Array(ids[start..<min(ids.count, start + max(1, chunkSize))])
            for outcome in try await JobActions.perform(action, ids: chunk, now: clock(), on: db) {
                switch outcome {
                case .done: report.done += 1
                case .refused(let reason): report.refused.append(reason)
                }
            }
            start += chunk.count
            progress(report)
        }
    }

    /// Most jobs one scoped action on the screen touches (the newest first for discarded, the oldest for waiting).
    public static let scopeLimit = 1000

    /// Applies `action` to every job in `scope` (at most `scopeLimit`), listed when the call starts.
    public func perform(_ action: JobAction, in scope: JobListScope) async -> ActionReport {
        guard !readOnly else { return ActionReport(verb: action.pastTense, failure: .readOnly) }
        let ids: [UUID]
        do {
            ids = try await self.ids(in: scope, limit: Self.scopeLimit)
        } catch {
            return ActionReport(verb: action.pastTense, failure: Self.failure(error))
        }
        return await perform(action, ids: ids)
    }

    /// The ids of the jobs in `scope` in list order, read a page at a time as of one moment; at most `limit`.
    public func ids(in scope: JobListScope, limit: Int? = nil) async throws -> [UUID] {
        let now = clock()
        var ids: [UUID] = []
        var cursor: JobListCursor?
        while limit.map({ ids.count < $0 }) ?? true {
            let want = min(500, limit.map { $0 - ids.count } ?? 500)
            let page = try await MonitorQueries.jobs(db, scope: scope, now: now, after: cursor, limit: want)
            ids += page.map(\.id)
            guard page.count == want, let last = page.last else { break }
            cursor = JobListCursor(sortAt: last.sortAt, id: last.id)
        }
        return ids
    }

    /// Pauses or unpauses a queue, job class or label for every worker that honours pauses.
    public func setPaused(_ kind: PauseKind, _ name: String, paused: Bool) async -> ActionReport {
        let verb = "\(paused ? "paused" : "unpaused") \(kind.noun) \(name)"
        guard !readOnly else { return .plain(verb, failure: .readOnly) }
        do {
            try await writePause(kind, name, paused: paused)
            return .plain(verb)
        } catch {
            return .plain(verb, failure: Self.failure(error))
        }
    }

    /// `setPaused` for the command line: a database error is thrown as it came; read-only writes nothing.
    public func writePause(_ kind: PauseKind, _ name: String, paused: Bool) async throws {
        guard !readOnly else { return }
        if paused {
            try await PauseSettings.pause(kind, name, now: clock(), on: db)
        } else {
            try await PauseSettings.unpause(kind, name, now: clock(), on: db)
        }
    }

    /// Enables or disables a cron key for every cron process, as GoodJob's dashboard does (contract §8).
    public func setCronEnabled(_ key: String, enabled: Bool) async -> ActionReport {
        let verb = "\(enabled ? "enabled" : "disabled") cron key \(key)"
        guard !readOnly else { return .plain(verb, failure: .readOnly) }
        do {
            try await writeCronEnabled(key, enabled: enabled)
            return .plain(verb)
        } catch {
            return .plain(verb, failure: Self.failure(error))
        }
    }

    /// `setCronEnabled` for the command line: a database error is thrown as it came; read-only writes nothing.
    public func writeCronEnabled(_ key: String, enabled: Bool) async throws {
        guard !readOnly else { return }
        if enabled {
            try await CronSettingsSQL.enable(db, key: key, now: clock())
        } else {
            try await CronSettingsSQL.disable(db, key: key, now: clock())
        }
    }

    /// Enqueues the app's cron entry `key` now, with `cron_at` = now, whether or not it is enabled (as the
    /// dashboard does); a key the app does not declare is refused.
    public func enqueueCronNow(_ key: String) async -> ActionReport {
        let verb = "enqueued cron key \(key) now"
        guard !readOnly else { return .plain(verb, failure: .readOnly) }
        guard cron.keys.contains(key) else { return .plain("cron key \(key) is not declared by this app; enqueue it from the app that declares it") }
        do {
            guard let id = try await cron.enqueue(key, db, clock()) else {
                return .plain("cron key \(key): a job for this second exists already; nothing enqueued")
            }
            local?.wake()
            return .plain("\(verb): job \(id.uuidString.prefix(8).lowercased())")
        } catch let error as PostgresError {
            return .plain(verb, failure: Self.failure(error))
        } catch {
            return .plain("cron key \(key) not enqueued: \(Self.oneLine(error))")
        }
    }

    /// Stops or resumes claiming in the co-hosted worker.
    public func setLocalPaused(_ paused: Bool) -> ActionReport {
        let verb = paused ? "paused the local worker (running jobs go on)" : "resumed the local worker"
        guard let local else { return .plain("no local worker: gaffer top only watches") }
        guard !readOnly else { return .plain(verb, failure: .readOnly) }
        local.setPaused(paused)
        return .plain(verb)
    }

    /// Adds `delta` threads to the co-hosted worker's pool `pool` (removes them when negative).
    public func changeLocalThreads(pool: Int, by delta: Int) async -> ActionReport {
        guard let local else { return .plain("no local worker: gaffer top only watches") }
        guard !readOnly else { return .plain("changed the local worker's threads", failure: .readOnly) }
        switch await local.changeThreads(pool: pool, by: delta) {
        case .success(let change): return .plain(change.description)
        case .failure(let refusal): return .plain(refusal.description)
        }
    }

    static func failure(_ error: any Error) -> ActionReport.Failure {
        (error as? PostgresError)?.isPermissionDenied == true ? .permissionDenied(oneLine(error)) : .database(oneLine(error))
    }

    static func oneLine(_ error: any Error) -> String {
        let text = (error as? PostgresError)?.description ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}
