/// One entry of the footer key bar: a key and what it does.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown, e.g. `?`, `Enter`, `^R`.
    public var key: String
    public var label: String
    /// A disabled hint is shown dimmed: the action exists but is unavailable right now.
    public var isEnabled: Bool
    /// When the bar is too narrow, lower priorities are dropped first.
    public var priority: Int

    public init(key: String, label: String, isEnabled: Bool = true, priority: Int = 0) {
        self.key = key
        self.label = label
        self.isEnabled = isEnabled
        self.priority = priority
    }

    /// Columns the hint occupies: `key label`.
    public var width: Int {
        DisplayWidth.of(Sanitizer.visible(key)) + (label.isEmpty ? 0 : 1 + DisplayWidth.of(Sanitizer.visible(label)))
    }
}
