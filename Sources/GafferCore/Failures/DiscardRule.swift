/// Active Job's `discard_on`: finish the job without retrying when a matching error is raised.
public struct DiscardRule: Sendable {
    /// Whether the rule handles an error.
    public var matches: @Sendable (any Error) -> Bool

    public init(matches: @escaping @Sendable (any Error) -> Bool) {
        self.matches = matches
    }

    /// A rule for errors of type `E` (and, for classes, its subclasses).
    public init<E: Error>(on type: E.Type) {
        self.init(matches: { $0 is E })
    }
}
