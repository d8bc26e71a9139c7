/// One row of a binding table: which keys trigger an action, where, and how it is described.
///
/// `Context` is whatever the application uses to describe "where the user is" (focused
/// pane, mode, read-only flag); `isActive` decides whether the binding applies there, so
/// bindings can be global, pane-specific or mode-specific.
public struct KeyBinding<Action: Sendable, Context>: Sendable {
    /// The first key is the one shown in the footer.
    public var keys: [Key]
    public var action: Action
    /// Short footer label (`retry`); empty keeps the binding out of the footer.
    public var label: String
    /// One line for the help screen.
    public var help: String
    /// Irreversible or wide-blast-radius actions: the application confirms them first.
    public var isDestructive: Bool
    /// When the footer is short of room, lower priorities are dropped first.
    public var footerPriority: Int
    /// Whether the binding applies in a context.
    public var isActive: @Sendable (Context) -> Bool
    /// Why the action is unavailable in a context (shown dimmed, not dispatched), or `nil` when it is available.
    public var disabledReason: @Sendable (Context) -> String?

    public init(
        _ keys: [Key],
        action: Action,
        label: String = "",
        help: String,
        isDestructive: Bool = false,
        footerPriority: Int = 0,
        when isActive: @escaping @Sendable (Context) -> Bool = { _ in true },
        disabledReason: @escaping @Sendable (Context) -> String? = { _ in nil }
    ) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.isDestructive = isDestructive
        self.footerPriority = footerPriority
        self.isActive = isActive
        self.disabledReason = disabledReason
    }

    /// The keys as the help screen lists them: `j, ↓`.
    public var keyNames: String {
        keys.map(\.displayName).joined(separator: ", ")
    }
}
