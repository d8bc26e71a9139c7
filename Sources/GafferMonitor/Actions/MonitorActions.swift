import Foundation
import GafferStore
import Postgres

/// Carries out the operator's actions: job actions and pauses in the database, pause of the local worker.
///
/// With `readOnly` every action is refused before any query is sent.
public struct MonitorActions: Sendable {
    private let db: PostgresConnection
    private let local: (any LocalWorkerSource)?
    public let readOnly: Bool
    private let clock: @Sendable () -> Date

    public init(connection: PostgresConnection, local: (any LocalWorkerSource)? = nil, readOnly: Bool = false,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.db = connection
        self.local = local
        self.readOnly = readOnly
        self.clock = clock
    }

    /// Applies `action` to each job in turn; a refused job does not stop the others.
    public func perform(_ action: JobAction, ids: [UUID]) async -> ActionReport {
        var report = ActionReport(verb: action.pastTense)
        guard !readOnly else { report.failure = .readOnly; return report }
        for id in ids {
            do {
                switch try await JobActions.perform(action, id: id, now: clock(), on: db) {
                case .done: report.done += 1
                case .refused(let reason): report.refused.append(reason)
                }
            } catch {
                report.failure = Self.failure(error)
                break
            }
        }
        // The NOTIFY reaches the co-hosted worker through its listener; poke it directly as well.
        if report.done > 0, action == .retry || action == .reschedule { local?.wake() }
        return report
    }

    /// Most jobs one scoped action touches (the newest first for discarded, the oldest for waiting).
    public static let scopeLimit = 1000

    /// Applies `action` to every job in `scope` (at most `scopeLimit`), listed when the call starts.
    public func perform(_ action: JobAction, in scope: JobListScope) async -> ActionReport {
        guard !readOnly else { return ActionReport(verb: action.pastTense, failure: .readOnly) }
        var ids: [UUID] = []
        var cursor: JobListCursor?
        do {
            while ids.count < Self.scopeLimit {
                let want = min(500, Self.scopeLimit - ids.count)
                let page = try await MonitorQueries.jobs(db, scope: scope, now: clock(), after: cursor, limit: want)
                ids += page.map(\.id)
                guard page.count == want, let last = page.last else { break }
                cursor = JobListCursor(sortAt: last.sortAt, id: last.id)
            }
        } catch {
            return ActionReport(verb: action.pastTense, failure: Self.failure(error))
        }
        return await perform(action, ids: ids)
    }

    /// Pauses or unpauses a queue, job class or label for every worker that honours pauses.
    public func setPaused(_ kind: PauseKind, _ name: String, paused: Bool) async -> ActionReport {
        let verb = "\(paused ? "paused" : "unpaused") \(kind.noun) \(name)"
        guard !readOnly else { return .plain(verb, failure: .readOnly) }
        do {
            if paused {
                try await PauseSettings.pause(kind, name, now: clock(), on: db)
            } else {
                try await PauseSettings.unpause(kind, name, now: clock(), on: db)
            }
            return .plain(verb)
        } catch {
            return .plain(verb, failure: Self.failure(error))
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

    static func failure(_ error: any Error) -> ActionReport.Failure {
        (error as? PostgresError)?.isPermissionDenied == true ? .permissionDenied(oneLine(error)) : .database(oneLine(error))
    }

    static func oneLine(_ error: any Error) -> String {
        let text = (error as? PostgresError)?.description ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}

extension JobAction {
    /// "retried", "discarded", "rescheduled", "destroyed".
    public var pastTense: String {
        switch self {
        case .retry: "retried"
        case .discard: "discarded"
        case .reschedule: "rescheduled"
        case .destroy: "destroyed"
        }
    }
}

extension PauseKind {
    /// "queue", "class", "label".
    public var noun: String {
        switch self {
        case .queue: "queue"
        case .jobClass: "class"
        case .label: "label"
        }
    }
}
