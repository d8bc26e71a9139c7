import Postgres

/// Removes passwords from text before it is printed: the password of a URL's user info
/// (`postgresql://user:secret@host`) and a connection string's `password=` setting.
enum Redaction {
    static let mask = "********"

    static func scrub(_ text: String) -> String {
        guard text.contains("@") || text.localizedCaseInsensitiveContains("password") else { return text }
        return ConninfoSecrets.masked(text, with: mask)
    }
}
