import ArgumentParser
import Foundation
import GafferEngine
import GafferRuntime
import Logging
import Synchronization

/// A foreground worker's log: the sink behind the screen's log view, the file and stderr, in the chosen
/// format, and the error reporter the worker gets (the app's and `--error-log`'s).
enum WorkerLogging {
    /// The worker's sink; also what any library's `Logger(label:)` writes through once bootstrapped.
    static func sink(_ settings: LogSettings, file: String?, stderrNow: Bool) -> ScreenLogSink {
        ScreenLogSink(file: file.map { StreamLogSink(path: $0, format: settings.format) },
                      stderr: StreamLogSink.standardError(format: settings.format), stderrNow: stderrNow)
    }

    /// Points swift-log's process-wide factory at `sink`, so job code's own loggers and server libraries'
    /// lines join the worker's, unless the app bootstrapped its own handler (kept: bootstrapping twice traps).
    static func bootstrap(_ sink: any LogSink, level: Logger.Level) {
        bootstrapped.withLock { done in
            guard !done, Logger(label: "gaffer").handler is StreamLogHandler else { return }
            LoggingSystem.bootstrap { _ in GafferLogHandler(sink: sink, level: level) }
            done = true
        }
    }

    private static let bootstrapped = Mutex(false)

    /// The app's reporter and the `--error-log` file's, both called for each report; nil when neither is set.
    static func reporter(app: ErrorReporter?, errorLog: String?) throws -> ErrorReporter? {
        guard let errorLog else { return app }
        let file: ErrorLogFile
        do { file = try ErrorLogFile(path: errorLog) } catch {
            throw CLIError.runtime("--error-log: \(error); give a writable path")
        }
        let written = file.reporter
        guard let app else { return written }
        return { report in
            try await written(report)
            try await app(report)
        }
    }
}
