/// Makes untrusted text (job arguments, error messages, queue names from the database) safe to draw.
///
/// Every scalar a terminal would act on instead of print becomes a visible escape, so a
/// value can neither move the cursor, retitle the window, clear the screen nor reorder the
/// text around it: C0 controls, DEL, C1 controls (U+0080–U+009F; U+009B alone is a CSI on
/// some terminals) and the bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). The result is idempotent: sanitizing it again changes nothing.
public enum Sanitizer {
    /// `text` with every terminal-active scalar replaced by a visible escape.
    ///
    /// ESC → `\e`, BEL → `\a`, BS → `\b`, TAB → `\t`, CR → `\r`, LF → `\n` (kept as a line
    /// break when `multiline`), other C0 and DEL → `\xHH`, C1 and bidi controls → `\u{h}`.
    public static func visible(_ text: String, multiline: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, multiline: multiline) }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, multiline: multiline) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` must not reach the terminal as is.
    static func needsEscape(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        let value = scalar.value
        if value == 0x0A { return !multiline }
        return value < 0x20
            || (0x7F...0x9F).contains(value)
            || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// The visible replacement for one terminal-active scalar.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case let value where value <= 0x7F:
            let hex = String(value, radix: 16)
            return "\\x" + (hex.count < 2 ? "0" + hex : hex)
        case let value:
            return "\\u{" + String(value, radix: 16) + "}"
        }
    }
}
