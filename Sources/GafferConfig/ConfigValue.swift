/// One value of a config file: the TOML types Gaffer's settings use.
public enum ConfigValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])

    /// The value as the file would write it, for error lines: `"5parsecs"`, `42`, `true`.
    public var description: String {
        switch self {
        case .string(let text): return "\"\(text)\""
        case .integer(let number): return String(number)
        case .float(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// What kind of value it is, for "expected … got …" lines.
    public var kind: String {
        switch self {
        case .string: "a string"
        case .integer: "a whole number"
        case .float: "a number"
        case .bool: "true or false"
        case .array: "a list"
        }
    }
}
