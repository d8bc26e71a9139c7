/// Text conversions for one-dimensional `text[]` literals.
public enum PostgresArray {
    /// `{"a","b \"c\""}`: every element quoted, `"` and `\` escaped.
    public static func format(_ elements: [String]) -> String {
        format(nullable: elements)
    }

    /// Like `format`, with nil elements written as an unquoted `NULL`.
    public static func format(nullable elements: [String?]) -> String {
        // Built as bytes: `"` and `\` are ASCII, so no multi-byte UTF-8 sequence contains them.
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(2 + elements.reduce(0) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard let element else {
                out.append(contentsOf: "NULL".utf8)
                continue
            }
            out.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
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
