#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line of the co-hosted worker's log, as the log view shows it: level, time, the job it names.
public struct LogEntry: Sendable, Hashable {
    public enum Level: Int, Sendable, Hashable, CaseIterable, Comparable {
        case debug, info, warning, error

        public var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warn"
            case .error: "error"
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var level: Level
    public var at: Date
    /// The message as logged (raw: the view makes control characters visible).
    public var message: String
    /// The job the line is about: the first job id in the message, and the class written before it.
    public var jobID: UUID?
    public var jobClass: String?
    /// The message without the `Class id: ` it starts with when it names its job (the view shows
    /// the job in columns of its own).
    public var body: String

    public init(level: Level, at: Date, message: String, jobID: UUID? = nil, jobClass: String? = nil) {
        self.level = level
        self.at = at
        self.message = message
        self.jobID = jobID
        self.jobClass = jobClass
        self.body = message
    }

    /// A line with its job read from the message: the engine writes `Class id: …` or `id: …`.
    public static func parsing(level: Level, at: Date, message: String) -> LogEntry {
        var entry = LogEntry(level: level, at: at, message: message)
        let words = message.split(separator: " ", maxSplits: 8, omittingEmptySubsequences: true)
        for (index, word) in words.enumerated() {
            let trimmed = word.hasSuffix(":") ? word.dropLast() : word
            guard trimmed.count == 36, let id = UUID(uuidString: String(trimmed)) else { continue }
            entry.jobID = id
            if index > 0, isClassName(words[index - 1]) { entry.jobClass = String(words[index - 1]) }
            // `Class id: rest` or `id: rest`: the rest is the line's own news.
            if word.hasSuffix(":"), index <= 1, index == 0 || entry.jobClass != nil {
                entry.body = String(message[word.endIndex...].drop { $0 == " " })
            }
            break
        }
        return entry
    }

    /// `SyncJob`, `Mailers::WelcomeJob`: starts with a capital, letters, digits, `_` and `::` only.
    static func isClassName(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, first.isASCII else { return false }
        return word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }
}
