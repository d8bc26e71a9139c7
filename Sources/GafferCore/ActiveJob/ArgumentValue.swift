/// One Active Job argument as Ruby would see it after `ActiveJob::Arguments.deserialize`.
///
/// Values Swift cannot interpret (`_aj_serialized` Symbols, Times, Durations…, hashes with
/// indifferent access, unknown `_aj_*` markers, hashes laid out differently from Rails) are kept as
/// `.opaque` with their JSON untouched, so a retried job re-encodes them byte for byte.
public enum ArgumentValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([ArgumentValue])
    case hash(ArgumentHash)
    /// A record reference, `{"_aj_globalid": "gid://app/Model/id"}`; holds the URI.
    case globalID(String)
    /// JSON that Swift passes through without interpreting.
    case opaque(JSONValue)

    /// Reads one serialized argument; never fails (what it cannot interpret becomes `.opaque`).
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(ArgumentValue.init(json:)))
        case .object(let object):
            if object.count == 1, let uri = object[ArgumentHash.globalIDKey]?.stringValue {
                self = .globalID(uri)
            } else if let hash = ArgumentHash(decoding: object) {
                self = .hash(hash)
            } else {
                self = .opaque(json)
            }
        }
    }

    /// The serialized form Active Job writes.
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.json))
        case .hash(let hash): hash.json
        case .globalID(let uri): .object([ArgumentHash.globalIDKey: .string(uri)])
        case .opaque(let json): json
        }
    }

    /// A short description for error messages, e.g. `string "abc"` or `hash with keys a, b`.
    public var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .int(let number): return "integer \(number)"
        case .double(let number): return "float \(JSONValue.double(number).serialized())"
        case .string(let text):
            let excerpt = text.count > 32 ? String(text.prefix(32)) + "…" : text
            return "string \"\(excerpt)\""
        case .array(let elements): return "array of \(elements.count)"
        case .hash(let hash):
            let keys = hash.entries.prefix(3).map(\.key).joined(separator: ", ")
            return hash.entries.isEmpty ? "empty hash" : "hash with keys \(keys)\(hash.entries.count > 3 ? ", …" : "")"
        case .globalID(let uri): return "GlobalID \(uri)"
        case .opaque(let json):
            if let serializer = json["_aj_serialized"]?.stringValue {
                return "Ruby value written by \(serializer)"
            }
            return "Ruby value Gaffer cannot read (\(JSONValue.summaryExcerpt(json)))"
        }
    }
}

extension ArgumentValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: ArgumentValue...) { self = .array(elements) }
}
