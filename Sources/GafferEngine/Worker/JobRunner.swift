import Foundation
import GafferCore
import GafferStore
import Postgres
import Runtime

/// Runs one claimed job and says how its attempt ended; pure of SQL (the pool writes the result).
struct JobRunner: Sendable {
    let registry: JobRegistry
    let retryOnUnhandledError: Bool
    let clock: @Sendable () -> Date
    let jitter: @Sendable () -> Double
    /// Receives each failed attempt (the error reporter's queue); must return at once.
    var report: @Sendable (ErrorReport) -> Void = { _ in }

    /// Characters of a malformed job's reason kept in its error.
    static let malformedReasonLimit = 300

    /// How an attempt ended, and the throw site still to symbolicate when its source lines are not known yet.
    struct Attempt: Sendable {
        let result: AttemptResult
        let trace: DeferredTrace?
    }

    /// A failed attempt whose result carries function names only (`ThrowSiteTrace.quickLines`): once
    /// `backtrace` is symbolicated off the slot thread, the execution row gets the full lines and the
    /// error reporter its report (not sent before).
    struct DeferredTrace: Sendable {
        let backtrace: Backtrace
        let report: @Sendable ([String]) -> ErrorReport
    }

    /// Returns nil when the attempt was cancelled by shutdown: the row is left for re-claim as interrupted.
    func run(_ claimed: ClaimedJob, context makeContext: (ActiveJobPayload?) -> JobContext) async -> Attempt? {
        let started = ContinuousClock.now
        func elapsed() -> Double {
            let d = ContinuousClock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        let payload: ActiveJobPayload
        let job: any Job
        do {
            payload = try ActiveJobPayload(json: try JSONValue.parse(claimed.serializedParams))
            guard let type = registry.type(named: claimed.jobClass) else {
                throw MalformedJobError(reason: "no job type is registered for \(claimed.jobClass)")
            }
            job = try type.init(arguments: payload.arguments)
        } catch {
            // One line, bounded: the reason quotes the payload, which may hold anything.
            let reason = OneLineText.make(ErrorNaming.message(error), limit: Self.malformedReasonLimit)
            let message = "cannot run \(claimed.jobClass) \(claimed.id.uuidString.lowercased()): \(reason)"
            let text = ErrorText.format(typeName: "Gaffer::MalformedJobError", message: message)
            let malformed = error as? MalformedJobError ?? MalformedJobError(reason: message)
            report(Self.report(claimed, malformed, verdict: .discard, event: .discarded, retryAt: nil, backtrace: []))
            return Attempt(result: AttemptResult(jobID: claimed.id, executionID: claimed.executionID, outcome: .finished,
                                                 error: text, errorEvent: .discarded, backtrace: [], duration: elapsed()),
                           trace: nil)
        }

        let context = makeContext(payload)
        let sites = ThrowSites.installed ? ThrowSites() : nil
        do {
            try await ThrowSites.$current.withValue(sites) { try await job.perform(context) }
            return Attempt(result: AttemptResult(jobID: claimed.id, executionID: claimed.executionID, outcome: .finished,
                                                 error: nil, errorEvent: nil, backtrace: [], duration: elapsed()),
                           trace: nil)
        } catch {
            if Task.isCancelled && error is CancellationError { return nil }
            // A session that died under the body is the infrastructure's failure, not the job's: the
            // attempt is interrupted, as if the process had died, and does not count against its rules.
            if let lost = error as? PostgresError, lost.isSessionLost {
                report(Self.report(claimed, error, verdict: .interrupted, event: nil, retryAt: nil, backtrace: []))
                return Attempt(result: AttemptResult(jobID: claimed.id, executionID: claimed.executionID,
                                                     outcome: .interrupted,
                                                     error: ErrorText.format(typeName: "PostgresError", message: "\(lost)"),
                                                     errorEvent: nil, backtrace: [], duration: elapsed()),
                               trace: nil)
            }
            let site = Self.backtrace(of: error, sites: sites)
            let backtrace = site.lines.map(ErrorText.storable)
            let result = decide(error, claimed: claimed, payload: payload, job: type(of: job), backtrace: backtrace,
                                duration: elapsed())
            let verdict: ErrorReport.Verdict
            let retryAt: Date?
            switch result.outcome {
            case .retry(_, let at): (verdict, retryAt) = (.retry, at)
            case .finished, .interrupted: (verdict, retryAt) = (.discard, nil)
            }
            let event = result.errorEvent
            let makeReport: @Sendable ([String]) -> ErrorReport = { lines in
                Self.report(claimed, error, verdict: verdict, event: event, retryAt: retryAt, backtrace: lines)
            }
            guard let pending = site.pending else {
                report(makeReport(backtrace))
                return Attempt(result: result, trace: nil)
            }
            return Attempt(result: result, trace: DeferredTrace(backtrace: pending, report: makeReport))
        }
    }

    private static func report(_ claimed: ClaimedJob, _ error: any Error, verdict: ErrorReport.Verdict, event: ErrorEvent?,
                               retryAt: Date?, backtrace: [String]) -> ErrorReport {
        ErrorReport(kind: .attempt, jobID: claimed.id, jobClass: claimed.jobClass, queueName: claimed.queueName,
                    attempt: claimed.executionsCount, error: error, verdict: verdict, event: event, retryAt: retryAt,
                    backtrace: backtrace)
    }

    /// Where `error` was thrown: its own backtrace if it carries one, else the throw site the hook
    /// recorded; empty when neither is known. A throw site not symbolicated before gives function names
    /// now and itself as `pending`, for `TraceSymbolizer`.
    static func backtrace(of error: any Error, sites: ThrowSites?) -> (lines: [String], pending: Backtrace?) {
        if let provided = (error as? BacktraceProviding)?.backtrace { return (provided, nil) }
        guard let trace = sites?.backtrace(of: error) else { return ([], nil) }
        if let known = ThrowSiteTrace.cachedLines(trace) { return (known, nil) }
        return (ThrowSiteTrace.quickLines(trace), trace)
    }

    private func decide(_ error: any Error, claimed: ClaimedJob, payload: ActiveJobPayload, job: any Job.Type,
                        backtrace: [String], duration: Double) -> AttemptResult {
        // A NUL in the text would fail the statement that ends this and every batched attempt, again and again.
        let text = ErrorText.storable(ErrorText.format(typeName: ErrorNaming.typeName(error), message: ErrorNaming.message(error)))
        // Active Job increments `executions` in memory when it performs; a retry persists it.
        let executions = payload.executions < Int.max ? payload.executions + 1 : Int.max
        let outcome = FailureDecision.decide(error: error, retryRules: job.retryRules, discardRules: job.discardRules,
                                             exceptionExecutions: payload.exceptionExecutions,
                                             retryOnUnhandled: retryOnUnhandledError, jitterUnit: jitter())
        func result(_ outcome: AttemptResult.Outcome, _ event: ErrorEvent) -> AttemptResult {
            AttemptResult(jobID: claimed.id, executionID: claimed.executionID, outcome: outcome, error: text,
                          errorEvent: event, backtrace: backtrace, duration: duration)
        }
        switch outcome {
        case .retry(let afterSeconds, let exceptionExecutions):
            let now = clock()
            let at = now.addingTimeInterval(afterSeconds)
            var next = payload
            next.executions = executions
            next.exceptionExecutions = exceptionExecutions
            next.enqueuedAt = JobTimestamp(now)
            next.scheduledAt = JobTimestamp(at)
            return result(.retry(serializedParams: next.json.serialized(), scheduledAt: at), .retried)
        case .unhandledRetry(let event):
            var next = payload
            next.executions = executions
            return result(.retry(serializedParams: next.json.serialized(), scheduledAt: nil), event)
        case .discard:
            return result(.finished, .discarded)
        case .retryStopped:
            return result(.finished, .retryStopped)
        case .unhandled:
            return result(.finished, .unhandled)
        }
    }
}
