/// Concrete colours and attributes for one role, as a theme defines them.
public struct ResolvedStyle: Hashable, Sendable, CustomStringConvertible {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's defaults with no attributes.
    public static let plain = ResolvedStyle()

    /// The style written the way a `.theme` file would, e.g. `cyan on default bold`.
    public var description: String {
        var parts = [foreground.description]
        if background != .default { parts += ["on", background.description] }
        if !attributes.isEmpty { parts.append(attributes.description) }
        return parts.joined(separator: " ")
    }
}
