import Foundation
import GafferCore

/// An error report as one JSON object, the line `ErrorLogFile` writes. Pure.
///
/// Keys: `time`, `kind` (attempt, crash, worker), `next` (retry, discard, interrupted, carry_on), then
/// those known: `job_id` (lower-case), `job_class`, `queue`, `attempt`, `event`, `retry_at`, `component`,
/// and `error_class`, `error`, `backtrace` (an array of lines).
enum ErrorReportJSON {
    static func object(_ report: ErrorReport, at time: Date) -> JSONValue {
        var entries: [JSONObject.Entry] = [
            .init(key: "time", value: .string(LogTimestamp.iso(time))),
            .init(key: "kind", value: .string(report.kind.rawValue)),
            .init(key: "next", value: .string(report.verdict.rawValue)),
        ]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { entries.append(.init(key: key, value: value)) }
        }
        add("job_id", report.jobID.map { .string($0.uuidString.lowercased()) })
        add("job_class", report.jobClass.map(JSONValue.string))
        add("queue", report.queueName.map(JSONValue.string))
        add("attempt", report.attempt.map { .int(Int64($0)) })
        add("event", report.event.map { .string($0.name) })
        add("retry_at", report.retryAt.map { .string(LogTimestamp.iso($0)) })
        add("component", report.component.map(JSONValue.string))
        add("error_class", .string(ErrorNaming.typeName(report.error)))
        add("error", .string(ErrorNaming.message(report.error)))
        add("backtrace", .array(report.backtrace.map(JSONValue.string)))
        return .object(JSONObject(entries))
    }
}
