/// A `--theme` that names no theme, or a theme file that cannot be read or parsed: a usage error.
public struct ThemeChoiceError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
