/// Writes compact JSON byte for byte as Ruby's `JSON.generate` (json gem 2.10+) does.
///
/// No whitespace; `"` and `\` escaped; control characters as `\b \f \n \r \t` or lower-case `\u00xx`;
/// `/`, DEL and all non-ASCII written raw. Floats use the gem's layout (`1.0`, `0.0001`, `1e+15`,
/// `1.5e-10`) over the shortest round-trip digits. Non-finite floats, which Ruby refuses to write,
/// are written as `null`.
struct JSONSerializer {
    private(set) var bytes: [UInt8] = []

    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): append(String(number))
        case .double(let number): append(Self.format(number))
        case .string(let string): writeString(string)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (index, entry) in object.entries.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(entry.key)
                bytes.append(UInt8(ascii: ":"))
                write(entry.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ ascii: String) {
        bytes.append(contentsOf: ascii.utf8)
    }

    private mutating func writeString(_ string: String) {
        let hexDigits = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0..<0x20:
                append("\\u00")
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: - Floats

    /// Formats a float as the json gem's `fpconv_dtoa` lays it out.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        let sign = number.sign == .minus ? "-" : ""
        if number == 0 { return sign + "0.0" }
        let (digits, exponent) = shortestDigits(of: number.magnitude)
        return sign + layout(digits: digits, exponent: exponent)
    }

    /// Lays out `digits × 10^exponent` (the `emit_digits` rules of the json gem).
    private static func layout(digits: [Character], exponent k: Int) -> String {
        let count = digits.count
        let leadingExponent = k + count - 1
        let magnitude = abs(leadingExponent)
        if k >= 0 && magnitude < 15 {
            return String(digits) + String(repeating: "0", count: k) + ".0"
        }
        if k < 0 && (k > -7 || magnitude < 10) {
            let integerDigits = count + k
            if integerDigits <= 0 {
                return "0." + String(repeating: "0", count: -integerDigits) + String(digits)
            }
            return String(digits[..<integerDigits]) + "." + String(digits[integerDigits...])
        }
        var text = String(digits[0])
        if count > 1 {
            text += "." + String(digits[1...])
        }
        return text + "e" + (leadingExponent < 0 ? "-" : "+") + String(magnitude)
    }

    /// The shortest decimal digits that round-trip `number` (> 0), and the power of ten of the last digit.
    private static func shortestDigits(of number: Double) -> ([Character], Int) {
        // Swift's description prints the shortest round-trip digits, as "123.45", "1e-05" or "1.5e+20".
        let text = number.description
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = mantissa.count == 2 ? mantissa[1] : ""
        var digits = Array(mantissa[0] + fraction)
        exponent -= fraction.count
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        while digits.count > 1, digits.last == "0" {
            digits.removeLast()
            exponent += 1
        }
        return (digits, exponent)
    }
}
