/// A binding table that would be ambiguous or undocumented.
public struct BindingTableError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        /// Two bindings active in the same context share a key.
        case duplicateKey
        /// A binding has no keys.
        case noKeys
        /// A binding has no help text.
        case missingHelp
    }

    public var code: Code
    /// The key's display name (for `duplicateKey`).
    public var key: String
    /// Labels or help texts of the bindings involved.
    public var bindings: [String]
    /// The context in which they clash, as the application describes it.
    public var context: String

    public init(_ code: Code, key: String = "", bindings: [String], context: String = "") {
        self.code = code
        self.key = key
        self.bindings = bindings
        self.context = context
    }

    public var description: String {
        let names = bindings.map { "'\($0)'" }.joined(separator: " and ")
        switch code {
        case .duplicateKey:
            return "key \(key) is bound to both \(names) in context \(context) (change a key or narrow a binding's context)"
        case .noKeys:
            return "binding \(names) has no keys (give it at least one key)"
        case .missingHelp:
            return "binding for \(key) has no help text (every binding appears on the help screen)"
        }
    }
}
