/// Colours and attributes for every `ThemeRole`, read from a `.theme` file.
public struct Theme: Hashable, Sendable {
    /// The theme's name: its file name without `.theme`.
    public let name: String
    /// The roles the theme defines itself; the rest fall back (see `resolve`).
    public let styles: [ThemeRole: ResolvedStyle]

    public init(name: String, styles: [ThemeRole: ResolvedStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The colours and attributes for `role`, following `ThemeRole.fallback` for roles the theme omits.
    public func resolve(_ role: ThemeRole) -> ResolvedStyle {
        var current: ThemeRole? = role
        while let candidate = current {
            if let style = styles[candidate] { return style }
            current = candidate.fallback
        }
        return .plain
    }

    /// The style's role resolved, with the style's own attributes added.
    public func resolve(_ style: Style) -> ResolvedStyle {
        var resolved = resolve(style.role)
        resolved.attributes.formUnion(style.attributes)
        return resolved
    }

    /// Roles the theme does not define, in declaration order. Shipped themes have none.
    public var missingRoles: [ThemeRole] {
        ThemeRole.allCases.filter { styles[$0] == nil }
    }

    /// The same theme with every colour replaced by the terminal default (for `NO_COLOR`).
    public func withoutColors() -> Theme {
        Theme(name: name, styles: styles.mapValues { ResolvedStyle(attributes: $0.attributes) })
    }
}
