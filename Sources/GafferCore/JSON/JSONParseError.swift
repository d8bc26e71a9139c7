/// Why a JSON text was refused, and the byte offset (from 0) where the parser noticed.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The text ended while `expected` was still needed.
        case unexpectedEnd(expected: String)
        /// A byte that cannot start or continue what was `expected`.
        case unexpectedCharacter(found: String, expected: String)
        /// A number that breaks the JSON grammar (leading zero, lone "-", "1.", "1e").
        case invalidNumber
        /// A number too large for a 64-bit float.
        case numberOutOfRange
        /// A backslash followed by something other than `"\/bfnrtu`.
        case invalidEscape(found: String)
        /// `\u` not followed by four hex digits.
        case invalidUnicodeEscape
        /// A `\uD800`–`\uDFFF` escape without its partner.
        case unpairedSurrogate
        /// A raw control character (below U+0020) inside a string.
        case unescapedControlCharacter(UInt8)
        /// An object names the same key twice.
        case duplicateKey(String)
        /// More nested arrays/objects than `limit`.
        case nestingTooDeep(limit: Int)
        /// Something other than whitespace after the document.
        case trailingContent(found: String)
    }

    public var code: Code
    public var byteOffset: Int

    public init(_ code: Code, at byteOffset: Int) {
        self.code = code
        self.byteOffset = byteOffset
    }

    public var description: String {
        "invalid JSON at byte offset \(byteOffset): \(problem)"
    }

    private var problem: String {
        switch code {
        case .unexpectedEnd(let expected):
            "the text ends where \(expected) should follow"
        case .unexpectedCharacter(let found, let expected):
            "found \(found) where \(expected) should be"
        case .invalidNumber:
            "malformed number (JSON numbers look like -12, 0.5 or 1e-3; no leading zeros, no trailing dot)"
        case .numberOutOfRange:
            "number too large for a 64-bit float"
        case .invalidEscape(let found):
            "unknown escape \\\(found) in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
        case .invalidUnicodeEscape:
            "\\u must be followed by four hex digits"
        case .unpairedSurrogate:
            "unpaired UTF-16 surrogate in a \\u escape (write the character itself or a full surrogate pair)"
        case .unescapedControlCharacter(let byte):
            "raw control character U+\(hex4(byte)) in a string (escape it as \\u\(hex4(byte)))"
        case .duplicateKey(let key):
            "key \"\(key)\" appears twice in one object"
        case .nestingTooDeep(let limit):
            "arrays and objects nest deeper than \(limit) levels"
        case .trailingContent(let found):
            "found \(found) after the end of the document"
        }
    }

    private func hex4(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
