import GafferEngine

/// Sends every line to each of several loggers (stderr and a file, the screen's pane and a file).
struct TeeLogger: JobLogger {
    let loggers: [any JobLogger]

    func log(_ level: LogLevel, _ message: String) {
        for logger in loggers { logger.log(level, message) }
    }
}
