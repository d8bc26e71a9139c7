import Foundation
import GafferCore
import GafferCron

extension CronEntry {
    /// Reads `GOOD_JOB_CRON`: a JSON object of entries keyed by name, in document order.
    ///
    /// GoodJob parses it with `symbolize_names: true`, so hashes inside `args` become Symbol-keyed
    /// Ruby hashes and `kwargs` become keyword arguments; `set` accepts `queue`, `priority`,
    /// `wait` (seconds) and `good_job_labels`. Callables cannot be written in JSON, nor can
    /// fugit's natural-language schedules ("every 5 minutes") be read here.
    public static func parseGoodJobCron(_ text: String, defaultTimeZone: TimeZone = CronExpression.utc)
        throws(CronConfigError) -> [CronEntry]
    {
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw CronConfigError(.invalidJSON, detail: error.description)
        }
        guard let object = document.objectValue else { throw CronConfigError(.notAnObject) }
        var entries: [CronEntry] = []
        for member in object {
            entries.append(try entry(key: member.key, member.value, defaultTimeZone: defaultTimeZone))
        }
        return entries
    }

    private static func entry(key: String, _ value: JSONValue, defaultTimeZone: TimeZone) throws(CronConfigError) -> CronEntry {
        guard let fields = value.objectValue else { throw CronConfigError(.notAnObject, key: key) }
        func string(_ name: String, required: Bool = false) throws(CronConfigError) -> String? {
            guard let field = fields[name], !field.isNull else {
                if required { throw CronConfigError(.missingField, key: key, field: name) }
                return nil
            }
            guard let text = field.stringValue else { throw CronConfigError(.wrongType, key: key, field: name, detail: "a string") }
            return text
        }
        let cron = try string("cron", required: true)!
        let jobClass = try string("class", required: true)!
        var positional: [ArgumentValue] = []
        if let args = fields["args"], !args.isNull {
            guard let elements = args.arrayValue else {
                throw CronConfigError(.wrongType, key: key, field: "args", detail: "an array")
            }
            positional = elements.map(rubyArgument)
        }
        var keywords: [JobArguments.Keyword] = []
        if let kwargs = fields["kwargs"], !kwargs.isNull {
            guard let members = kwargs.objectValue else {
                throw CronConfigError(.wrongType, key: key, field: "kwargs", detail: "an object")
            }
            keywords = members.map { JobArguments.Keyword(name: $0.key, value: rubyArgument($0.value)) }
        }
        let options = try SetOptions(fields["set"], key: key)
        var enabledByDefault = true
        if let flag = fields["enabled_by_default"], !flag.isNull {
            guard let value = flag.boolValue else {
                throw CronConfigError(.wrongType, key: key, field: "enabled_by_default", detail: "true or false")
            }
            enabledByDefault = value
        }
        return try CronEntry(key: key, cron: cron, jobClass: jobClass,
                             arguments: JobArguments(positional: positional, keywords: keywords),
                             queue: options.queue, priority: options.priority, wait: options.wait, labels: options.labels,
                             description: try string("description"), enabledByDefault: enabledByDefault,
                             defaultTimeZone: defaultTimeZone)
    }

    /// A JSON value as Ruby holds it after `JSON.parse(..., symbolize_names: true)`.
    static func rubyArgument(_ json: JSONValue) -> ArgumentValue {
        switch json {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(rubyArgument))
        case .object(let object):
            .hash(ArgumentHash(object.map { .init(key: $0.key, value: rubyArgument($0.value), isSymbol: true) }))
        }
    }

    /// The `set` options Gaffer applies.
    private struct SetOptions {
        var queue: String?
        var priority: Int?
        var wait: Double?
        var labels: [String]?

        init(_ json: JSONValue?, key: String) throws(CronConfigError) {
            guard let json, !json.isNull else { return }
            guard let object = json.objectValue else { throw CronConfigError(.wrongType, key: key, field: "set", detail: "an object") }
            for member in object {
                let value = member.value
                switch member.key {
                case "queue":
                    guard let text = value.stringValue else { throw CronConfigError(.wrongType, key: key, field: "set.queue", detail: "a string") }
                    queue = text
                case "priority":
                    guard let number = value.intValue else { throw CronConfigError(.wrongType, key: key, field: "set.priority", detail: "an integer") }
                    priority = number
                case "wait":
                    guard let seconds = value.doubleValue, seconds >= 0 else {
                        throw CronConfigError(.wrongType, key: key, field: "set.wait", detail: "a number of seconds, 0 or more")
                    }
                    wait = seconds
                case "good_job_labels":
                    guard let names = value.arrayValue?.compactMap(\.stringValue), names.count == value.arrayValue?.count else {
                        throw CronConfigError(.wrongType, key: key, field: "set.good_job_labels", detail: "an array of strings")
                    }
                    labels = names
                default:
                    throw CronConfigError(.unsupportedOption, key: key, field: "set", detail: member.key)
                }
            }
        }
    }
}
