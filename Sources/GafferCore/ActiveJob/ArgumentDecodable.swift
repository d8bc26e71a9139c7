/// A Swift type a job argument can be read as (`arguments.positional(0, as: Int.self)`).
public protocol ArgumentDecodable: Sendable {
    /// The type as error messages name it, e.g. `Int` or `[String]`.
    static var argumentTypeName: String { get }
    /// Reads the value; nil when it has another shape.
    init?(argument: ArgumentValue)
    /// What an absent argument reads as; nil (the default) makes absence an error.
    static var valueWhenMissing: Self? { get }
}

extension ArgumentDecodable {
    public static var valueWhenMissing: Self? { nil }
}

extension ArgumentValue: ArgumentDecodable {
    public static var argumentTypeName: String { "any value" }
    public init?(argument: ArgumentValue) { self = argument }
}

extension Bool: ArgumentDecodable {
    public static var argumentTypeName: String { "Bool" }
    public init?(argument: ArgumentValue) {
        guard case .bool(let flag) = argument else { return nil }
        self = flag
    }
}

extension Int: ArgumentDecodable {
    public static var argumentTypeName: String { "Int" }
    public init?(argument: ArgumentValue) {
        guard case .int(let number) = argument, let value = Int(exactly: number) else { return nil }
        self = value
    }
}

extension Int64: ArgumentDecodable {
    public static var argumentTypeName: String { "Int64" }
    public init?(argument: ArgumentValue) {
        guard case .int(let number) = argument else { return nil }
        self = number
    }
}

extension Double: ArgumentDecodable {
    public static var argumentTypeName: String { "Double" }
    /// Reads floats and integers (Ruby callers pass `3` where `3.0` was meant).
    public init?(argument: ArgumentValue) {
        switch argument {
        case .double(let number): self = number
        case .int(let number): self = Double(number)
        default: return nil
        }
    }
}

extension String: ArgumentDecodable {
    public static var argumentTypeName: String { "String" }
    public init?(argument: ArgumentValue) {
        guard case .string(let text) = argument else { return nil }
        self = text
    }
}

extension Array: ArgumentDecodable where Element: ArgumentDecodable {
    public static var argumentTypeName: String { "[\(Element.argumentTypeName)]" }
    public init?(argument: ArgumentValue) {
        guard case .array(let elements) = argument else { return nil }
        var values: [Element] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            guard let value = Element(argument: element) else { return nil }
            values.append(value)
        }
        self = values
    }
}

extension Dictionary: ArgumentDecodable where Key == String, Value: ArgumentDecodable {
    public static var argumentTypeName: String { "[String: \(Value.argumentTypeName)]" }
    /// Reads a hash, Symbol and String keys alike.
    public init?(argument: ArgumentValue) {
        guard case .hash(let hash) = argument else { return nil }
        var values: [String: Value] = [:]
        for entry in hash.entries {
            guard let value = Value(argument: entry.value) else { return nil }
            values[entry.key] = value
        }
        self = values
    }
}

extension Optional: ArgumentDecodable where Wrapped: ArgumentDecodable {
    public static var argumentTypeName: String { "\(Wrapped.argumentTypeName)?" }
    /// Reads `nil` (Ruby `nil`) as `.none`; an absent argument reads as `.none` too.
    public init?(argument: ArgumentValue) {
        if case .null = argument {
            self = .none
            return
        }
        guard let value = Wrapped(argument: argument) else { return nil }
        self = .some(value)
    }
    public static var valueWhenMissing: Wrapped?? { .some(.none) }
}
