/// Text conversions for one-dimensional `text[]` literals.
public enum PostgresArray {
    /// `{"a","b \"c\""}`: every element quoted, `"` and `\` escaped.
    public static func format(_ elements: [String]) -> String {
        format(nullable: elements)
    }

    /// Like `format`, with nil elements written as an unquoted `NULL`.
    public static func format(nullable elements: [String?]) -> String {
        let quoted = elements.map { element -> String in
            guard let element else { return "NULL" }
            var out = "\""
            for ch in element.unicodeScalars {
                if ch == "\"" || ch == "\\" { out.append("\\") }
                out.unicodeScalars.append(ch)
            }
            return out + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }

    /// Parses `{a,"b c",NULL}`; NULL elements are dropped (GoodJob never writes them).
    public static func parse(_ text: String) throws -> [String] {
        let scalars = Array(text.unicodeScalars)
        func fail() -> PostgresError { PostgresError(.decodingFailed, "\"\(text)\" is not a text[] literal") }
        guard scalars.first == "{", scalars.last == "}" else { throw fail() }
        if scalars.count == 2 { return [] }
        var result: [String] = []
        var i = 1
        while i < scalars.count - 1 {
            var element = String.UnicodeScalarView()
            var quoted = false
            if scalars[i] == "\"" {
                quoted = true
                i += 1
                while i < scalars.count - 1, scalars[i] != "\"" {
                    if scalars[i] == "\\" { i += 1 }
                    element.append(scalars[i])
                    i += 1
                }
                guard scalars[i] == "\"" else { throw fail() }
                i += 1
            } else {
                while i < scalars.count - 1, scalars[i] != "," {
                    element.append(scalars[i])
                    i += 1
                }
            }
            let value = String(element)
            if quoted || value != "NULL" { result.append(value) }
            if i < scalars.count - 1 {
                guard scalars[i] == "," else { throw fail() }
                i += 1
            }
        }
        return result
    }
}
