import Foundation
import GafferCore
import Logging

/// The one line an attempt ends with, worded as Active Job's: `Performed SyncJob (Job ID: …) from
/// GoodJob(default) in 12.34 ms`, or `Error performing … after N ms: error; what happens next`. Pure.
struct AttemptLogLine: Equatable {
    var level: Logger.Level
    var message: String
    /// `duration_ms`, and for a failure `error`, `next` (retry, discard, interrupted) and `retry_at`.
    var metadata: [String: String]

    /// The line's level, known before the line is built (a logger below it skips the building).
    static func level(of result: AttemptResult) -> Logger.Level {
        guard result.error != nil else { return .info }
        if case .interrupted = result.outcome { return .warning }
        return .error
    }

    init(jobClass: String, jobID: UUID, queue: String, result: AttemptResult) {
        let job = "\(jobClass) (Job ID: \(jobID.uuidString.lowercased())) from GoodJob(\(queue))"
        let ms = String(format: "%.2f", result.duration * 1000)
        level = Self.level(of: result)
        metadata = ["duration_ms": ms]
        guard let error = result.error else {
            message = "Performed \(job) in \(ms) ms"
            return
        }
        metadata["error"] = error
        let next: String
        switch result.outcome {
        case .retry(_, let at):
            metadata["next"] = "retry"
            if let at { metadata["retry_at"] = LogTimestamp.iso(at) }
            next = at.map { "retrying at \(LogTimestamp.iso($0))" } ?? "retrying now"
        case .finished:
            metadata["next"] = "discard"
            next = "finished with its error (\(result.errorEvent?.name ?? "unhandled")), not retried"
        case .interrupted:
            metadata["next"] = "interrupted"
            next = "released to run again as interrupted"
        }
        message = "Error performing \(job) after \(ms) ms: \(error); \(next)"
    }

    /// The metadata as swift-log's, the duration a number.
    var loggerMetadata: Logger.Metadata {
        var out: Logger.Metadata = [:]
        for (key, value) in metadata {
            out[key] = key == "duration_ms" ? .stringConvertible(Double(value) ?? 0) : .string(value)
        }
        return out
    }
}
