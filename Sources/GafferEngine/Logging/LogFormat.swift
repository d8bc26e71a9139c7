import Foundation
import GafferCore
import Logging

/// How log lines are written: `text` for people, `json` (one object per line) for log shippers.
public enum LogFormat: String, Sendable, CaseIterable {
    case text, json

    /// `record` as one line, newline included. Pure.
    public func line(_ record: LogRecord) -> String {
        switch self {
        case .text: Self.text(record) + "\n"
        case .json: Self.json(record).serialized() + "\n"
        }
    }

    /// `TIME LEVEL message key=value…`: the message as one escaped line, values quoted when they hold a space.
    static func text(_ record: LogRecord) -> String {
        var line = "\(LogTimestamp.iso(record.time)) \(levelName(record.level).uppercased()) \(OneLineText.make(record.message))"
        for (key, value) in record.orderedMetadata {
            let text = OneLineText.make(flat(value))
            let quoted = text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            line += " \(key)=" + (quoted ? "\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"" : text)
        }
        return line
    }

    /// `{"time", "level", "message", then the metadata}`; integers and booleans stay JSON numbers and booleans.
    static func json(_ record: LogRecord) -> JSONValue {
        var entries: [JSONObject.Entry] = [
            .init(key: "time", value: .string(LogTimestamp.iso(record.time))),
            .init(key: "level", value: .string(levelName(record.level))),
            .init(key: "message", value: .string(record.message)),
        ]
        for (key, value) in record.orderedMetadata where !["time", "level", "message"].contains(key) {
            entries.append(.init(key: key, value: json(value)))
        }
        return .object(JSONObject(entries))
    }

    /// swift-log's level names, `warning` written `warn` as most shippers expect it.
    static func levelName(_ level: Logger.Level) -> String {
        level == .warning ? "warn" : level.rawValue
    }

    static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .stringConvertible(let item):
            switch item {
            case let number as Int: return .int(Int64(number))
            case let flag as Bool: return .bool(flag)
            case let number as Double where number.isFinite: return .double(number)
            default: return .string(item.description)
            }
        case .array(let items): return .array(items.map(json))
        case .dictionary(let members):
            return .object(JSONObject(members.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: json($0.value)) }))
        }
    }

    static func flat(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let item): item.description
        default: "\(value)"
        }
    }
}
