import GafferCore

/// One line as the file and standard-error loggers write it: time, level, the message as one escaped line.
enum LogLine {
    static func format(_ level: LogLevel, _ message: String) -> String {
        "\(PostgresTimestampText.now()) \(level.rawValue.uppercased()) \(OneLineText.make(message))\n"
    }
}
