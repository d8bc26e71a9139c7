/// The `@word` shorthands fugit accepts, each standing for a five-field expression.
enum CronMacro {
    /// Macro names in the order error messages list them, with their expansions.
    static let expansions: [(name: String, fields: String)] = [
        ("@yearly", "0 0 1 1 *"),
        ("@annually", "0 0 1 1 *"),
        ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"),
        ("@daily", "0 0 * * *"),
        ("@midnight", "0 0 * * *"),
        ("@noon", "0 12 * * *"),
        ("@hourly", "0 * * * *"),
    ]

    static var allNames: [String] { expansions.map(\.name) }

    /// The five fields a macro stands for, matched case-insensitively; nil when unknown.
    static func expansion(of word: String) -> String? {
        let lowered = word.lowercased()
        return expansions.first { $0.name == lowered }?.fields
    }
}
