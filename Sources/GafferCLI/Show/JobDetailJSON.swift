import Foundation
import GafferCore
import GafferMonitorModel

/// `gaffer show --json`: the job's detail as one object (times ISO 8601 in UTC, text as stored but cut
/// to the detail's limits, `*_length` giving the full lengths).
enum JobDetailJSON {
    static func value(_ job: JobDetail, _ snapshot: MonitorSnapshot, now: Date) -> JSONValue {
        .object([
            "id": .string(job.id.uuidString.lowercased()),
            "job_class": .string(job.jobClass),
            "queue": .string(job.queue),
            "priority": job.priority.map { .int(Int64($0)) } ?? .null,
            "state": .string(job.state.rawValue),
            "created_at": StatusReport.time(job.createdAt),
            "scheduled_at": StatusReport.time(job.scheduledAt),
            "performed_at": StatusReport.time(job.performedAt),
            "finished_at": StatusReport.time(job.finishedAt),
            "attempts": .int(Int64(job.attempts)),
            "why_not_running": .string(Blocker.first(for: job, in: snapshot, now: now).description(now: now)),
            "labels": .array(job.labels.map(JSONValue.string)),
            "label_count": .int(Int64(job.labelCount)),
            "error": job.error.map(JSONValue.string) ?? .null,
            "error_length": .int(Int64(job.errorLength)),
            "error_event": job.errorEvent.map { .int(Int64($0.rawValue)) } ?? .null,
            "concurrency_key": job.concurrencyKey.map(JSONValue.string) ?? .null,
            "cron_key": job.cronKey.map(JSONValue.string) ?? .null,
            "locked_by_process": job.lockedByProcess.map { .string($0.uuidString.lowercased()) } ?? .null,
            "advisory_locked": .bool(job.advisoryLocked),
            "arguments": .string(job.arguments),
            "arguments_length": .int(Int64(job.argumentsLength)),
            "payload_problem": job.payloadProblem.map(JSONValue.string) ?? .null,
            "execution_count": .int(Int64(job.executionCount)),
            "executions": .array(job.executions.map(execution)),
        ])
    }

    static func execution(_ e: JobDetail.Execution) -> JSONValue {
        .object([
            "id": .string(e.id.uuidString.lowercased()),
            "started_at": StatusReport.time(e.startedAt),
            "scheduled_at": StatusReport.time(e.scheduledAt),
            "finished_at": StatusReport.time(e.finishedAt),
            "duration_seconds": e.duration.map(JSONValue.double) ?? .null,
            "error": e.error.map(JSONValue.string) ?? .null,
            "error_event": e.errorEvent.map { .int(Int64($0.rawValue)) } ?? .null,
            "process_id": e.processID.map { .string($0.uuidString.lowercased()) } ?? .null,
            "backtrace": .array(e.backtrace.map(JSONValue.string)),
        ])
    }
}
