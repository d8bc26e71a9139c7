/// The content of one table cell, with an optional style of its own (e.g. a job state's role).
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    /// Untrusted text is fine: the table sanitizes it.
    public var text: String
    /// `nil` draws in the row's style.
    public var style: Style?

    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}
