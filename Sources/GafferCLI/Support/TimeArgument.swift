import Foundation
import Postgres

/// Reads a `--at` value: `now`, ISO 8601 with a zone (`2026-07-20T15:30:00Z`, `…+02:00`, fractional
/// seconds allowed), or `YYYY-MM-DD HH:MM[:SS]` read as UTC.
enum TimeArgument {
    static let formats = "ISO 8601 like 2026-07-20T15:30:00Z, \"2026-07-20 15:30\" (UTC) or now"

    /// The instant `text` names, within PostgreSQL's timestamps; `now` is the caller's clock. Throws a usage
    /// error naming `option`.
    static func parse(_ text: String, option: String, now: Date) throws -> Date {
        let date = try instant(text, option: option, now: now)
        guard PostgresTimestamp.range.contains(date) else {
            throw CLIError.usage("\(option) \"\(text)\": outside PostgreSQL's timestamps (4713 BC to 294276 AD); give a time in that range")
        }
        return date
    }

    private static func instant(_ text: String, option: String, now: Date) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "now" { return now }
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: trimmed) { return date }
        iso.formatOptions = [.withInternetDateTime]
        if let date = iso.date(from: trimmed) { return date }
        let plain = DateFormatter()
        plain.locale = Locale(identifier: "en_US_POSIX")
        plain.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"] {
            plain.dateFormat = format
            if let date = plain.date(from: trimmed) { return date }
        }
        throw CLIError.usage("\(option) \"\(text)\": unknown time format; use \(formats)")
    }
}
