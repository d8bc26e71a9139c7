import TerminalKit

/// A key remap the binding table refuses: an action it lacks, no key, or a key two bindings would share.
public struct KeyRemapError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case unknownAction(suggestion: String?)
        case noKeys
        case clash(BindingTableError)
    }

    /// The remapped action (or actions, for a clash).
    public var action: String
    public var kind: Kind

    public var description: String {
        switch kind {
        case .unknownAction(let suggestion):
            let hint = suggestion.map { "did you mean \($0)? " } ?? ""
            return "no action \"\(action)\": \(hint)the action names are listed in the README (Config file)"
        case .noKeys:
            return "\"\(action)\" has no key: give one key like \"U\" or a list like [\"U\", \"F5\"]"
        case .clash(let error):
            return "\(error.key) would do two things: it is bound to both \(error.bindings.map { "'\($0)'" }.joined(separator: " and ")) "
                + "in \(error.context); pick a key not used there (press ? on the screen for the keys in use)"
        }
    }
}
