/// Reads one line of a config file, character by character.
struct ConfigScanner {
    private let characters: [Character]
    private var position = 0
    let line: Int

    init(_ characters: [Character], line: Int) {
        self.characters = characters
        self.line = line
    }

    var peek: Character? { position < characters.count ? characters[position] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" }

    mutating func advance() { position += 1 }

    mutating func skipSpaces() {
        while peek == " " || peek == "\t" { advance() }
    }

    /// Nothing but spaces and a comment may follow a value or a table header.
    mutating func expectEnd() throws(ConfigSyntaxError) {
        skipSpaces()
        guard atEndOrComment else {
            throw ConfigSyntaxError(line: line, "unexpected \"\(String(characters[position...]))\" after the value; put a comment after #")
        }
    }

    /// A bare key (`A-Za-z0-9_-`) or a quoted one.
    mutating func key() throws(ConfigSyntaxError) -> String {
        if peek == "\"" || peek == "'" {
            guard case .string(let text) = try value() else { throw ConfigSyntaxError(line: line, "expected a key") }
            return text
        }
        var key = ""
        while let c = peek, c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "-" {
            key.append(c)
            advance()
        }
        guard !key.isEmpty else {
            throw ConfigSyntaxError(line: line, "expected key = value, a [table] or a # comment")
        }
        return key
    }

    mutating func value() throws(ConfigSyntaxError) -> ConfigValue {
        switch peek {
        case nil, "#": throw ConfigSyntaxError(line: line, "the value is missing after =")
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return try array()
        case "{": throw ConfigSyntaxError(line: line, "inline tables ({…}) are not used by gaffer's config; use a [table]")
        default: return try scalar()
        }
    }

    private mutating func basicString() throws(ConfigSyntaxError) -> String {
        advance()
        if peek == "\"", position + 1 < characters.count, characters[position + 1] == "\"" {
            throw ConfigSyntaxError(line: line, "multi-line strings (\"\"\") are not used by gaffer's config")
        }
        var text = ""
        while let c = peek {
            advance()
            switch c {
            case "\"": return text
            case "\\":
                guard let escaped = peek else { break }
                advance()
                switch escaped {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "u", "U":
                    let digits = escaped == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<digits {
                        guard let h = peek, h.isHexDigit else { break }
                        hex.append(h)
                        advance()
                    }
                    guard hex.count == digits, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw ConfigSyntaxError(line: line, "\\\(escaped) needs \(digits) hex digits of a character")
                    }
                    text.unicodeScalars.append(scalar)
                default:
                    throw ConfigSyntaxError(line: line, "unknown escape \\\(escaped) in a string; write \\\\ for a backslash, or use 'single quotes'")
                }
            default: text.append(c)
            }
        }
        throw ConfigSyntaxError(line: line, "the string is not closed; end it with \" on the same line")
    }

    private mutating func literalString() throws(ConfigSyntaxError) -> String {
        advance()
        var text = ""
        while let c = peek {
            advance()
            if c == "'" { return text }
            text.append(c)
        }
        throw ConfigSyntaxError(line: line, "the string is not closed; end it with ' on the same line")
    }

    private mutating func array() throws(ConfigSyntaxError) -> ConfigValue {
        advance()
        var values: [ConfigValue] = []
        while true {
            skipSpaces()
            if peek == "]" {
                advance()
                return .array(values)
            }
            if atEndOrComment { throw ConfigSyntaxError(line: line, "the list is not closed; write it on one line, ending with ]") }
            values.append(try value())
            skipSpaces()
            if peek == "," { advance() } else if atEndOrComment {
                throw ConfigSyntaxError(line: line, "the list is not closed; write it on one line, ending with ]")
            } else if peek != "]" {
                throw ConfigSyntaxError(line: line, "separate list items with commas, e.g. [\"U\", \"F5\"]")
            }
        }
    }

    private mutating func scalar() throws(ConfigSyntaxError) -> ConfigValue {
        var word = ""
        while let c = peek, c != ",", c != "]", c != "#", c != " ", c != "\t" {
            word.append(c)
            advance()
        }
        if word == "true" { return .bool(true) }
        if word == "false" { return .bool(false) }
        let digits = word.filter { $0 != "_" }
        if let number = Int(digits) { return .integer(number) }
        if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let number = Double(digits), number.isFinite {
            return .float(number)
        }
        throw ConfigSyntaxError(line: line, "\(word) is not a value; quote text (\"\(word)\"), or write a number, true or false")
    }
}
