/// Removes passwords from text before it is printed: the password of a URL's user info
/// (`postgresql://user:secret@host`) and a connection string's `password=` setting.
enum Redaction {
    static let mask = "********"

    static func scrub(_ text: String) -> String {
        guard text.contains("@") || text.localizedCaseInsensitiveContains("password") else { return text }
        var out = text.replacing(/([A-Za-z][A-Za-z0-9+.\-]*:\/\/[^\s:\/@]*:)[^\s@\/]*@/) { match in
            "\(match.1)\(mask)@"
        }
        out = out.replacing(/([Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd]\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s']+)/) { match in
            "\(match.1)\(mask)"
        }
        return out
    }
}
