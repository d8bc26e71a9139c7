import TerminalKit

/// Environment variables that look like a misspelt `DATABASE_URL` (`DATABSE_URL`, `DATABASE_URI`,
/// `database_url`): set by an operator who meant it, and otherwise silently ignored.
enum MisspeltVariable {
    static let wanted = "DATABASE_URL"

    static func suspects(in environment: [String: String]) -> [String] {
        environment.keys.filter { name in
            guard name != wanted, !(environment[name] ?? "").isEmpty else { return false }
            let upper = name.uppercased()
            return upper == wanted || Suggestion.editDistance(upper, wanted) <= 2
        }.sorted()
    }
}
