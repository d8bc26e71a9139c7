extension Theme {
    /// Every theme in `themes/`, compiled in: the fallback when no `.theme` file of that name is found.
    public static let shipped: [Theme] = [.builtinDark, .builtinLight, .builtinHighContrast, .builtinMono]

    /// A compiled-in theme's text parsed; tests check that each parses and defines every role.
    static func compiledIn(_ text: String, name: String) -> Theme {
        do {
            return try Theme.parse(text, name: name)
        } catch {
            fatalError("built-in theme \(name) does not parse: \(error)")
        }
    }
}
