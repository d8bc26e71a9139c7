import Foundation
import GafferCore
import Logging

extension Logger {
    /// Drops every line (tests, benchmarks, a worker given no logger).
    public static let silent = Logger(label: "gaffer", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A logger whose lines reach `sink` (the label is swift-log's; Gaffer's handler does not print it).
    public init(label: String = "gaffer", sink: any LogSink, level: Logger.Level = .info) {
        self.init(label: label, factory: { _ in GafferLogHandler(sink: sink, level: level) })
    }

    /// This logger with the job's id (lower-case, as in the database), class, queue and attempt on every line.
    public func forJob(id: UUID, jobClass: String, queue: String, attempt: Int) -> Logger {
        var logger = self
        logger[metadataKey: "job_id"] = .string(id.uuidString.lowercased())
        logger[metadataKey: "job_class"] = .string(jobClass)
        logger[metadataKey: "queue"] = .string(queue)
        logger[metadataKey: "attempt"] = .stringConvertible(attempt)
        return logger
    }
}
