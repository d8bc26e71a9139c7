/// The `error` column's text: `"<ErrorType>: <message>"`, as GoodJob's `format_error` writes it.
///
/// The separator is exactly `": "`; the dashboard splits on its first occurrence to group errors
/// by type and to rebuild the exception on Retry.
public enum ErrorText {
    public static let separator = ": "

    /// `"Type: message"`.
    public static func format(typeName: String, message: String) -> String {
        typeName + separator + message
    }

    /// `text` as a PostgreSQL text value can hold it: NUL (which no text column can store) written `\u0000`.
    public static func storable(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{0}") else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\u{0}" { out.append(contentsOf: "\\u0000".unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The part before the first `": "` (the whole text if there is none), like `split_part(error, ': ', 1)`.
    public static func typeName(of text: String) -> String {
        guard let range = text.firstRange(of: separator) else { return text }
        return String(text[..<range.lowerBound])
    }

    /// The part after the first `": "`, or nil if there is none.
    public static func message(of text: String) -> String? {
        guard let range = text.firstRange(of: separator) else { return nil }
        return String(text[range.upperBound...])
    }

    /// The error GoodJob records when it finds a previous attempt that never finished.
    ///
    /// Ruby prints the old `performed_at` in the app's zone (`2026-07-20 12:00:00 UTC`); this
    /// writes UTC, the default zone.
    public static func interrupted(performedAt: JobTimestamp) -> String {
        let iso = performedAt.iso8601  // 2026-07-20T12:00:00.000000000Z
        let date = iso.prefix(10)
        let time = iso.dropFirst(11).prefix(8)
        return format(
            typeName: "GoodJob::InterruptedError",
            message: "Interrupted after starting perform at '\(date) \(time) UTC'")
    }
}
