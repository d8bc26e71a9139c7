import Foundation
import Logging

/// One log line as a handler hands it to a sink: when, how bad, what, and the metadata it carries.
public struct LogRecord: Sendable {
    public var time: Date
    public var level: Logger.Level
    public var message: String
    public var metadata: Logger.Metadata

    public init(time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata = [:]) {
        self.time = time
        self.level = level
        self.message = message
        self.metadata = metadata
    }

    /// The keys every line about a job carries (`Logger.forJob`), written first and in this order.
    public static let jobKeys = ["job_id", "job_class", "queue", "attempt"]

    /// The job the line is about, when it carries one.
    public var jobID: UUID? {
        guard case .string(let text)? = metadata["job_id"] else { return nil }
        return UUID(uuidString: text)
    }

    public var jobClass: String? {
        guard case .string(let text)? = metadata["job_class"] else { return nil }
        return text
    }

    /// The metadata in the order lines write it: the job keys, then the rest sorted by key.
    public var orderedMetadata: [(key: String, value: Logger.MetadataValue)] {
        let known = Self.jobKeys.compactMap { key in metadata[key].map { (key: key, value: $0) } }
        let rest = metadata.filter { !Self.jobKeys.contains($0.key) }.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        return known + rest
    }
}
