/// The binding a key resolves to in a context, and whether its action may run there.
public struct BindingMatch<Action: Sendable>: Sendable {
    public var action: Action
    public var isDestructive: Bool
    /// `nil` when the action may run; otherwise a one-line reason to show instead.
    public var disabledReason: String?
}
