/// Recursive-descent parser over the UTF-8 bytes of a string; see `JSONValue.parse`.
struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw JSONParseError(.trailingContent(found: describeByte(at: position)), at: position)
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else {
            throw JSONParseError(.unexpectedEnd(expected: "a value"), at: position)
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw JSONParseError(.unexpectedCharacter(found: describeByte(at: position), expected: "a value"), at: position)
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        for expected in word.utf8 {
            guard position < bytes.count else {
                throw JSONParseError(.unexpectedEnd(expected: "\"\(word)\""), at: position)
            }
            guard bytes[position] == expected else {
                throw JSONParseError(.unexpectedCharacter(found: describeByte(at: position), expected: "\"\(word)\""), at: position)
            }
            position += 1
        }
        return value
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > JSONValue.maximumNestingDepth {
            throw JSONParseError(.nestingTooDeep(limit: JSONValue.maximumNestingDepth), at: position)
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if consumeIf(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if consumeIf(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "]"), description: "\",\" or \"]\" after an array element")
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1  // {
        var entries: [JSONObject.Entry] = []
        var seenKeys: Set<String> = []
        skipWhitespace()
        if consumeIf(UInt8(ascii: "}")) {
            depth -= 1
            return .object(JSONObject(uniqueEntries: entries))
        }
        while true {
            skipWhitespace()
            let keyOffset = position
            guard position < bytes.count else {
                throw JSONParseError(.unexpectedEnd(expected: "a quoted key"), at: position)
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw JSONParseError(.unexpectedCharacter(found: describeByte(at: position), expected: "a quoted key"), at: position)
            }
            let key = try parseString()
            guard seenKeys.insert(key).inserted else {
                throw JSONParseError(.duplicateKey(key), at: keyOffset)
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), description: "\":\" after a key")
            skipWhitespace()
            entries.append(JSONObject.Entry(key: key, value: try parseValue()))
            skipWhitespace()
            if consumeIf(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "}"), description: "\",\" or \"}\" after an object member")
            depth -= 1
            return .object(JSONObject(uniqueEntries: entries))
        }
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw JSONParseError(.invalidNumber, at: start)
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw JSONParseError(.invalidNumber, at: start)
            }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONParseError(.invalidNumber, at: start)
            }
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONParseError(.invalidNumber, at: start)
            }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let value = Int64(text) {
            return .int(value)
        }
        // Integers beyond 64 bits become floats, as most JSON readers do.
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(.numberOutOfRange, at: start)
        }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    // MARK: - Strings

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1  // opening quote
        var start = position
        var decoded: [UInt8] = []
        while true {
            guard position < bytes.count else {
                throw JSONParseError(.unexpectedEnd(expected: "a closing quote"), at: position)
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                decoded.append(contentsOf: bytes[start..<position])
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                decoded.append(contentsOf: bytes[start..<position])
                try parseEscape(into: &decoded)
                start = position
            case 0..<0x20:
                throw JSONParseError(.unescapedControlCharacter(byte), at: position)
            default:
                position += 1
            }
        }
    }

    private mutating func parseEscape(into decoded: inout [UInt8]) throws(JSONParseError) {
        let escapeOffset = position
        position += 1  // backslash
        guard position < bytes.count else {
            throw JSONParseError(.unexpectedEnd(expected: "an escape character"), at: position)
        }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(escapeOffset: escapeOffset)
            decoded.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw JSONParseError(.invalidEscape(found: describeByte(at: position - 1, quoted: false)), at: escapeOffset)
        }
    }

    /// Reads the hex digits after `\u` (and a low surrogate's `\uXXXX` when needed).
    private mutating func parseUnicodeEscape(escapeOffset: Int) throws(JSONParseError) -> Unicode.Scalar {
        let first = try parseHex4(escapeOffset: escapeOffset)
        switch first {
        case 0xD800...0xDBFF:
            let lowOffset = position
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw JSONParseError(.unpairedSurrogate, at: escapeOffset)
            }
            position += 2
            let second = try parseHex4(escapeOffset: lowOffset)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONParseError(.unpairedSurrogate, at: escapeOffset)
            }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(value)!  // always a valid supplementary-plane scalar
        case 0xDC00...0xDFFF:
            throw JSONParseError(.unpairedSurrogate, at: escapeOffset)
        default:
            return Unicode.Scalar(first)!  // not a surrogate, so valid
        }
    }

    private mutating func parseHex4(escapeOffset: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = hexValue(bytes[position]) else {
                throw JSONParseError(.invalidUnicodeEscape, at: escapeOffset)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    private mutating func consumeIf(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ byte: UInt8, description: String) throws(JSONParseError) {
        guard position < bytes.count else {
            throw JSONParseError(.unexpectedEnd(expected: description), at: position)
        }
        guard bytes[position] == byte else {
            throw JSONParseError(.unexpectedCharacter(found: describeByte(at: position), expected: description), at: position)
        }
        position += 1
    }

    /// The character starting at `offset`, quoted, for messages (`"x"`, or `byte 0x80` mid-sequence).
    private func describeByte(at offset: Int, quoted: Bool = true) -> String {
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F {
            let digits = String(byte, radix: 16, uppercase: true)
            return "control character U+00" + (digits.count == 1 ? "0" : "") + digits
        }
        let length: Int
        switch byte {
        case 0..<0x80: length = 1
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
        let end = min(offset + length, bytes.count)
        let character = String(decoding: bytes[offset..<end], as: UTF8.self)
        return quoted ? "\"\(character)\"" : character
    }
}
