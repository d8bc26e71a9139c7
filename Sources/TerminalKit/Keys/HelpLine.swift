/// One line of the help screen, built from a binding.
public struct HelpLine: Hashable, Sendable {
    /// All of the binding's keys: `j, ↓`.
    public var keys: String
    public var help: String
    public var isDestructive: Bool
    /// Why the action is unavailable in this context, if it is.
    public var disabledReason: String?

    public init(keys: String, help: String, isDestructive: Bool = false, disabledReason: String? = nil) {
        self.keys = keys
        self.help = help
        self.isDestructive = isDestructive
        self.disabledReason = disabledReason
    }
}
