/// A JSON document as a value: what `serialized_params`, process `state` and settings hold.
///
/// Objects keep their key order (`JSONObject`), so a document read and written again keeps its layout.
/// Integers that fit in 64 bits are `.int`; every other number is `.double`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

// MARK: - Accessors

extension JSONValue {
    /// The member named `key` when this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` when this is an array long enough to have it.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var isNull: Bool {
        self == .null
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer when this is `.int` and fits in `Int`.
    public var intValue: Int? {
        if case .int(let value) = self { return Int(exactly: value) }
        return nil
    }

    public var int64Value: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, from `.double` or `.int`.
    public var doubleValue: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A short name of the kind of value, for error messages ("string", "object", ...).
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "float"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The first 40 characters of the compact text, for error messages.
    static func summaryExcerpt(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

// MARK: - Parsing and serializing

extension JSONValue {
    /// Nesting deeper than this many arrays/objects is refused by `parse`.
    public static let maximumNestingDepth = 512

    /// Parses one JSON document (RFC 8259, strict: no comments, trailing commas, NaN or duplicate keys).
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(text)
        return try parser.parseDocument()
    }

    /// Compact JSON text laid out as Ruby's `JSON.generate` writes it.
    public func serialized() -> String {
        var serializer = JSONSerializer()
        serializer.write(self)
        return serializer.text
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String {
        serialized()
    }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Entry(key: $0.0, value: $0.1) }))
    }
}

// MARK: - Storability

extension JSONValue {
    /// Whether any string or key holds U+0000, which PostgreSQL's `jsonb` refuses (error 22P05).
    public var containsNUL: Bool {
        switch self {
        case .string(let text): text.unicodeScalars.contains("\u{0}")
        case .array(let elements): elements.contains { $0.containsNUL }
        case .object(let object): object.entries.contains { $0.key.unicodeScalars.contains("\u{0}") || $0.value.containsNUL }
        case .null, .bool, .int, .double: false
        }
    }
}
