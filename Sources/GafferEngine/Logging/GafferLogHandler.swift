import Foundation
import Logging

/// The swift-log handler of a worker process: the engine's lines, job code's and any library's
/// (once `LoggingSystem` is bootstrapped with it) reach the same sink, with their metadata.
public struct GafferLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let sink: any LogSink
    let clock: @Sendable () -> Date

    public init(sink: any LogSink, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.sink = sink
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.clock = clock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        if let error = event.error, merged["error"] == nil { merged["error"] = .string("\(error)") }
        sink.write(LogRecord(time: clock(), level: event.level, message: event.message.description, metadata: merged))
    }
}
