import Foundation

/// Finds the passwords in text holding connection strings or URIs (of any scheme), even malformed ones.
///
/// Text echoing them (libpq's parse errors, arguments, output) can then be masked. It errs towards
/// masking more: a URI's password runs to the last `@` of its authority, and in `key=value` form every
/// word after `password=` up to the next `key=` counts, because libpq's parse error for
/// `password=two words` quotes the second word on its own.
public enum ConninfoSecrets {
    /// The ranges of `text` that hold a password.
    public static func ranges(in text: String) -> [Range<String.Index>] {
        let uris = text.matches(of: /[A-Za-z][A-Za-z0-9+.\-]*:\/\/[^\s'"]*/).map(\.range)
        var found = uris.flatMap { uriRanges(text[$0]) }
        for setting in text.matches(of: /(?i)password\s*=\s*/) where !uris.contains(where: { $0.contains(setting.range.lowerBound) }) {
            found.append(valueRange(in: text, from: setting.range.upperBound))
        }
        return found.filter { !$0.isEmpty }
    }

    /// The password strings in `text`: each as written and, when it differs, percent-decoded.
    public static func passwords(in text: String) -> [String] {
        var words: [String] = []
        for range in ranges(in: text) {
            let written = String(text[range])
            words.append(written)
            if let decoded = written.removingPercentEncoding, decoded != written { words.append(decoded) }
            // A quoted value as libpq unquotes it, and each word of it on its own (but for
            // words too short to give anything away, which would mask letters all over the text).
            let bare = written.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
                .replacingOccurrences(of: "\\'", with: "'").replacingOccurrences(of: "\\\\", with: "\\")
            words.append(bare)
            words += bare.split(whereSeparator: \.isWhitespace).filter { $0.count >= 3 }.map(String.init)
        }
        return Array(Set(words.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    /// `text` with the password of each URI or `password=` setting in it replaced by `mask`.
    public static func masked(_ text: String, with mask: String = "********") -> String {
        var out = text
        for range in ranges(in: text).sorted(by: { $0.lowerBound > $1.lowerBound }) {
            out.replaceSubrange(range, with: mask)
        }
        return out
    }

    /// `text` with every password found in `secretsFrom` replaced by `mask`, wherever it appears.
    public static func mask(_ text: String, secretsFrom source: String, with mask: String = "********") -> String {
        passwords(in: source).reduce(text) { $0.replacingOccurrences(of: $1, with: mask) }
    }

    /// In `scheme://user:password@host/db?password=x`: the user info's password and a `password` parameter.
    private static func uriRanges(_ uri: Substring) -> [Range<String.Index>] {
        guard let start = uri.range(of: "://")?.upperBound else { return [] }
        var found: [Range<String.Index>] = []
        let query = uri.firstIndex(of: "?") ?? uri.endIndex
        let authority = uri[start...].firstIndex(where: { "/?#".contains($0) }) ?? uri.endIndex
        if let at = uri[start..<authority].lastIndex(of: "@"), let colon = uri[start..<at].firstIndex(of: ":") {
            found.append(uri.index(after: colon)..<at)
        }
        guard query < uri.endIndex else { return found }
        for parameter in uri[uri.index(after: query)...].split(separator: "&") {
            guard let equals = parameter.firstIndex(of: "="),
                  parameter[..<equals].lowercased() == "password" else { continue }
            found.append(parameter.index(after: equals)..<parameter.endIndex)
        }
        return found
    }

    /// A `key=value` value from `start`: a quoted string, or words up to the next `key=`.
    private static func valueRange(in text: String, from start: String.Index) -> Range<String.Index> {
        if text[start...].first == "'" {
            var index = text.index(after: start)
            while index < text.endIndex, text[index] != "'" {
                if text[index] == "\\" { index = text.index(after: index) }
                if index < text.endIndex { index = text.index(after: index) }
            }
            return start..<(index < text.endIndex ? text.index(after: index) : index)
        }
        var end = text[start...].firstIndex(where: \.isWhitespace) ?? text.endIndex
        while end < text.endIndex, let word = text[end...].prefixMatch(of: /\s+[^\s=]+(?=\s|$)(?!\s*=)/) {
            end = word.range.upperBound
        }
        return start..<end
    }
}
