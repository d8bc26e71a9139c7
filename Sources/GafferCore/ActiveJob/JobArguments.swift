/// A job's `arguments`: positional values plus keyword arguments, in order.
///
/// Rails passes keywords as one trailing hash marked `_aj_ruby2_keywords`, e.g.
/// `perform_later(publication_id: 123, force: true)` is written
/// `[{"publication_id":123,"force":true,"_aj_ruby2_keywords":["publication_id","force"]}]`.
/// Such a trailing hash (non-empty, all keys Symbols) is split out into `keywords`; every other
/// value stays positional.
public struct JobArguments: Sendable, Hashable {
    public struct Keyword: Sendable, Hashable {
        public var name: String
        public var value: ArgumentValue

        public init(name: String, value: ArgumentValue) {
            self.name = name
            self.value = value
        }
    }

    public var positional: [ArgumentValue]
    public var keywords: [Keyword]

    public init(_ positional: [ArgumentValue] = [], keywords: KeyValuePairs<String, ArgumentValue> = [:]) {
        self.positional = positional
        self.keywords = keywords.map { Keyword(name: $0.key, value: $0.value) }
    }

    public init(positional: [ArgumentValue], keywords: [Keyword]) {
        self.positional = positional
        self.keywords = keywords
    }

    // MARK: - Serialized form

    /// Reads the `arguments` array.
    public init(json: JSONValue) throws(ActiveJobPayloadError) {
        guard let elements = json.arrayValue else {
            throw ActiveJobPayloadError(.wrongType(key: "arguments", expected: "an array", found: json))
        }
        var values = elements.map(ArgumentValue.init(json:))
        var keywords: [Keyword] = []
        if case .hash(let hash)? = values.last, hash.marker == .ruby2Keywords,
           !hash.entries.isEmpty, hash.entries.allSatisfy(\.isSymbol)
        {
            keywords = hash.entries.map { Keyword(name: $0.key, value: $0.value) }
            values.removeLast()
        }
        self.init(positional: values, keywords: keywords)
    }

    /// The `arguments` array Active Job writes.
    public var json: JSONValue {
        var elements = positional.map(\.json)
        if !keywords.isEmpty {
            let entries = keywords.map { ArgumentHash.Entry(key: $0.name, value: $0.value, isSymbol: true) }
            elements.append(ArgumentHash(entries, marker: .ruby2Keywords).json)
        }
        return .array(elements)
    }

    // MARK: - Typed access

    /// The keyword argument's value, or nil if the job was enqueued without it.
    public func keyword(_ name: String) -> ArgumentValue? {
        keywords.first { $0.name == name }?.value
    }

    /// Reads positional argument `index` as `T`; throws naming the argument if absent or mis-shaped.
    public func positional<T: ArgumentDecodable>(_ index: Int, as type: T.Type = T.self) throws(ArgumentError) -> T {
        let argument = ArgumentError.Argument.positional(index)
        guard positional.indices.contains(index) else {
            if let fallback = T.valueWhenMissing { return fallback }
            throw ArgumentError(.missing(positionalCount: positional.count), argument: argument, expectedType: T.argumentTypeName)
        }
        return try Self.decode(positional[index], as: T.self, argument: argument)
    }

    /// Reads keyword argument `name` as `T`; an Optional `T` reads an absent keyword as nil.
    public func keyword<T: ArgumentDecodable>(_ name: String, as type: T.Type = T.self) throws(ArgumentError) -> T {
        let argument = ArgumentError.Argument.keyword(name)
        guard let value = keyword(name) else {
            if let fallback = T.valueWhenMissing { return fallback }
            throw ArgumentError(.missing(positionalCount: positional.count), argument: argument, expectedType: T.argumentTypeName)
        }
        return try Self.decode(value, as: T.self, argument: argument)
    }

    private static func decode<T: ArgumentDecodable>(
        _ value: ArgumentValue, as type: T.Type, argument: ArgumentError.Argument
    ) throws(ArgumentError) -> T {
        guard let decoded = T(argument: value) else {
            throw ArgumentError(.wrongType(found: value.summary), argument: argument, expectedType: T.argumentTypeName)
        }
        return decoded
    }
}

extension JobArguments: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: ArgumentValue...) {
        self.init(elements)
    }
}
