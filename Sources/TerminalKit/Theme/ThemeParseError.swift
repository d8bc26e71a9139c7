/// A `.theme` file that cannot be used, with the line and token at fault.
public struct ThemeParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the line.
    public enum Code: Hashable, Sendable {
        /// The line is not `role = style`.
        case missingEquals
        /// The role name is not a `ThemeRole`.
        case unknownRole
        /// The role was already defined on `firstLine`.
        case duplicateRole(firstLine: Int)
        /// Nothing after `=`.
        case emptyStyle
        /// Neither a colour, an attribute nor `on`.
        case unknownToken
        /// A palette index above 255.
        case colorOutOfRange
        /// A `#rgb` or `#rrggbb` colour, which the format does not have.
        case rgbColor
        /// `on` at the end of the line.
        case missingBackground
        /// A second colour without `on` in front of it.
        case secondForeground
        /// A second `on <colour>`.
        case secondBackground
    }

    public var code: Code
    /// The theme's name (its file name without `.theme`).
    public var themeName: String
    /// 1-based line number.
    public var line: Int
    /// The offending word (or the whole line for `missingEquals`).
    public var token: String
    /// A likely intended word, when the token looks like a typo.
    public var suggestion: String?

    public init(_ code: Code, themeName: String, line: Int, token: String, suggestion: String? = nil) {
        self.code = code
        self.themeName = themeName
        self.line = line
        self.token = token
        self.suggestion = suggestion
    }

    /// One line: `dark.theme:14: unknown role 'boarder' (did you mean 'border'?)`.
    public var description: String {
        "\(themeName).theme:\(line): " + message
    }

    private var message: String {
        let hint = suggestion.map { " (did you mean '\($0)'?)" }
        switch code {
        case .missingEquals:
            return "expected 'role = style', found '\(token)'"
        case .unknownRole:
            return "unknown role '\(token)'" + (hint ?? " (the roles are listed in themes/dark.theme)")
        case .duplicateRole(let firstLine):
            return "role '\(token)' is already defined on line \(firstLine) (keep one of them)"
        case .emptyStyle:
            return "role '\(token)' has no style (write a colour, 'on <colour>' or an attribute)"
        case .unknownToken:
            return "unknown colour or attribute '\(token)'"
                + (hint ?? " (use default, a colour name, bright-<name>, 0-255, or bold dim italic underline reverse)")
        case .colorOutOfRange:
            return "colour index '\(token)' is out of range (use 0-255)"
        case .rgbColor:
            return "RGB colour '\(token)' is not supported (use a colour name or a palette index 0-255)"
        case .missingBackground:
            return "'on' must be followed by a colour (e.g. 'on black')"
        case .secondForeground:
            return "second foreground colour '\(token)' (write 'on \(token)' for a background)"
        case .secondBackground:
            return "second background colour '\(token)' (give only one 'on <colour>')"
        }
    }
}
