/// How a cell is drawn: a semantic role plus attributes added on top of the theme's.
///
/// Cells store a `Style`, not colours, so buffers and snapshots do not depend on the
/// theme; the backend resolves the role when it draws.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var role: ThemeRole
    public var attributes: TextAttributes

    public init(_ role: ThemeRole = .text, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// Plain text: the `text` role, no extra attributes.
    public static let plain = Style()

    /// The same style with `attributes` added.
    public func adding(_ attributes: TextAttributes) -> Style {
        Style(role, self.attributes.union(attributes))
    }

    public var description: String {
        attributes.isEmpty ? role.rawValue : "\(role.rawValue) \(attributes)"
    }
}
