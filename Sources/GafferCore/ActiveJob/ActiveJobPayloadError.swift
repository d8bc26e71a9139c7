/// Why a `serialized_params` document cannot be read as an Active Job payload.
public struct ActiveJobPayloadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The document is not a JSON object.
        case notAnObject(found: JSONValue)
        /// A key Active Job always writes is absent.
        case missingKey(String)
        /// A key holds a value of the wrong kind.
        case wrongType(key: String, expected: String, found: JSONValue)
        /// A time key holds text that is not an ISO-8601 time with a zone.
        case invalidTime(key: String, text: String)
    }

    public var code: Code

    public init(_ code: Code) {
        self.code = code
    }

    public var description: String {
        switch code {
        case .notAnObject(let found):
            "serialized_params must be a JSON object, found \(Self.summary(of: found))"
        case .missingKey(let key):
            "serialized_params has no \"\(key)\" (Active Job always writes it; check what wrote this row)"
        case .wrongType(let key, let expected, let found):
            "serialized_params \"\(key)\" must be \(expected), found \(Self.summary(of: found))"
        case .invalidTime(let key, let text):
            "serialized_params \"\(key)\" must be an ISO-8601 time like 2026-07-20T12:00:00.123456789Z, found \"\(text)\""
        }
    }

    /// The kind and a short excerpt of a JSON value, e.g. `string "high"`.
    static func summary(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "boolean \(flag)"
        default: return "\(value.kindName) \(JSONValue.summaryExcerpt(value))"
        }
    }
}
