/// Why a cron entry or the `GOOD_JOB_CRON` JSON was rejected; GoodJob raises at load for the same inputs.
public struct CronConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The text is not JSON.
        case invalidJSON
        /// The top level, or an entry, is not a JSON object.
        case notAnObject
        /// A required field (`cron`, `class`) is missing.
        case missingField
        /// A field has the wrong JSON type.
        case wrongType
        /// The cron expression does not parse.
        case invalidSchedule
        /// A `set` option Gaffer does not apply.
        case unsupportedOption
    }

    public let code: Code
    /// The entry's key, or "" for a problem with the whole document.
    public let key: String
    /// The field at fault (`cron`, `class`, `args`, `set.queue`, ...), or "".
    public let field: String
    /// Context: the parse error, the expected type, or the option name.
    public let detail: String

    init(_ code: Code, key: String = "", field: String = "", detail: String = "") {
        self.code = code
        self.key = key
        self.field = field
        self.detail = detail
    }

    public var description: String {
        let subject = key.isEmpty ? "GOOD_JOB_CRON" : "cron entry \"\(key)\""
        switch code {
        case .invalidJSON:
            return "\(subject) is not valid JSON: \(detail)"
        case .notAnObject:
            return key.isEmpty
                ? "\(subject) must be a JSON object of entries keyed by name, e.g. {\"daily\": {\"cron\": \"0 3 * * *\", \"class\": \"DailyJob\"}}"
                : "\(subject) must be a JSON object with at least \"cron\" and \"class\""
        case .missingField:
            return "\(subject) has no \"\(field)\"; add it"
        case .wrongType:
            return "\(subject): \"\(field)\" must be \(detail)"
        case .invalidSchedule:
            return "\(subject): \(detail)"
        case .unsupportedOption:
            return "\(subject): set option \"\(detail)\" is not supported; use queue, priority, wait or good_job_labels"
        }
    }
}
