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

    init(jobClass: String, jobID: UUID, queue: String, result: AttemptResult) {
        let job = "\(jobClass) (Job ID: \(jobID.uuidString.lowercased())) from GoodJob(\(queue))"
        let ms = String(format: "%.2f", result.duration * 1000)
        metadata = ["duration_ms": ms]
        guard let error = result.error else {
            level = .info
            message = "Performed \(job) in \(ms) ms"
            return
        }
        metadata["error"] = error
        let next: String
        switch result.outcome {
        case .retry(_, let at):
            level = .error
            metadata["next"] = "retry"
            if let at { metadata["retry_at"] = LogTimestamp.iso(at) }
            next = at.map { "retrying at \(LogTimestamp.iso($0))" } ?? "retrying now"
        case .finished:
            level = .error
            metadata["next"] = "discard"
            next = "finished with its error (\(result.errorEvent?.name ?? "unhandled")), not retried"
        case .interrupted:
            level = .warning
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
