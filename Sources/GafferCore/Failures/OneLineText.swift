/// Text from outside (payloads, job errors) made into one printable line: controls escaped as JSON escapes them.
public enum OneLineText {
    /// `text` with every C0, DEL and C1 control written `\n`, `\t`, `\u001b`…, cut to `limit` characters plus `…`.
    public static func make(_ text: String, limit: Int? = nil) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if let limit, count >= limit {
                out.append("…")
                break
            }
            count += 1
            let value = scalar.value
            guard value < 0x20 || (0x7F...0x9F).contains(value) else {
                out.append(scalar)
                continue
            }
            let escape = switch value {
            case 0x0A: "\\n"
            case 0x0D: "\\r"
            case 0x09: "\\t"
            default: "\\u" + String(repeating: "0", count: 4 - String(value, radix: 16).count) + String(value, radix: 16)
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }
}
