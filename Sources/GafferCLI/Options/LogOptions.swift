import ArgumentParser
import GafferEngine
import Logging

/// How a worker command (`start`, `demo`) writes its log and where its error reports go.
struct LogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Log lines as text, or as JSON (one object per line: time, level, message, and job_id, job_class, queue, attempt on every job line) for a log shipper ($GAFFER_LOG_FORMAT, default text).",
                               valueName: "text|json"))
    var logFormat: LogFormat?

    @Option(help: ArgumentHelp("The least severe lines written: trace, debug, info, notice, warning, error or critical ($GAFFER_LOG_LEVEL, default info).",
                               valueName: "level"))
    var logLevel: Logger.Level?

    @Option(help: ArgumentHelp("Append every failed attempt, crash and error outside a job to this file, one JSON object per line, besides the app's own error reporter ($GAFFER_ERROR_LOG).",
                               valueName: "path"))
    var errorLog: String?

    /// The settings in force, flags over `environment`.
    func resolve(environment: [String: String]) throws -> LogSettings {
        let env = EnvironmentSettings(values: environment)
        let format = try logFormat ?? env.choice("GAFFER_LOG_FORMAT", "log format") ?? LogFormat.text
        let level = try logLevel ?? env.choice("GAFFER_LOG_LEVEL", "log level") ?? Logger.Level.info
        return LogSettings(format: format, level: level, errorLog: errorLog ?? env.string("GAFFER_ERROR_LOG"))
    }
}

/// A worker command's resolved log settings.
struct LogSettings {
    var format: LogFormat = .text
    /// The least severe level written.
    var level: Logger.Level = .info
    /// Where `ErrorLogFile` appends error reports; nil for none.
    var errorLog: String?
}

extension LogFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Logger.Level: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
