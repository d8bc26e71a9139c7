#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A UTC instant with nanosecond precision, written as Active Job writes `enqueued_at`/`scheduled_at`.
///
/// Rails writes `Time#utc.iso8601(9)`, e.g. `2026-07-20T12:00:00.123456789Z`. `Date` cannot hold
/// nanoseconds at today's epoch offsets, so this type keeps whole seconds and nanoseconds apart and
/// re-writes a parsed time unchanged.
public struct JobTimestamp: Sendable, Hashable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z (floor, so negative before 1970).
    public var secondsSince1970: Int64
    /// Nanoseconds past `secondsSince1970`, in 0..<1_000_000_000.
    public var nanoseconds: Int32

    public init(secondsSince1970: Int64, nanoseconds: Int32 = 0) {
        precondition((0..<1_000_000_000).contains(nanoseconds), "nanoseconds must be in 0..<1_000_000_000")
        self.secondsSince1970 = secondsSince1970
        self.nanoseconds = nanoseconds
    }

    /// The instant of `date`, rounded to whole microseconds (PostgreSQL's timestamp resolution).
    ///
    /// Never traps: instants beyond ±`limitSeconds` (past PostgreSQL's range; `Date` reaches 1e308) are
    /// clamped to it, and whole seconds and microseconds are split before any integer conversion.
    public init(_ date: Date) {
        let t = date.timeIntervalSince1970
        let clamped = t.isNaN ? 0 : min(max(t, -Self.limitSeconds), Self.limitSeconds)
        let whole = clamped.rounded(.down)
        let micros = Int64(((clamped - whole) * 1_000_000).rounded())
        self.init(secondsSince1970: Int64(whole) + micros / 1_000_000, nanoseconds: Int32(micros % 1_000_000) * 1000)
    }

    /// Seconds from 1970 beyond which instants are clamped: about year 318 857, past PostgreSQL's 294 276.
    public static let limitSeconds = 1e13

    public var date: Date {
        Date(timeIntervalSince1970: Double(secondsSince1970) + Double(nanoseconds) / 1_000_000_000)
    }

    public static func < (lhs: JobTimestamp, rhs: JobTimestamp) -> Bool {
        (lhs.secondsSince1970, lhs.nanoseconds) < (rhs.secondsSince1970, rhs.nanoseconds)
    }

    /// `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`: always UTC, always nine fractional digits.
    public var iso8601: String {
        let (days, secondOfDay) = secondsSince1970.quotientAndRemainder(dividingBy: 86_400)
        let (dayNumber, second) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        let date = CivilDate(days: Int(dayNumber))
        let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(second / 3600, 2)):\(pad(second / 60 % 60, 2)):\(pad(second % 60, 2))"
            + ".\(pad(Int64(nanoseconds), 9))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f…]` with 0–9 fractional digits and `Z` or a `±HH:MM` offset.
    public init?(iso8601 text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.year(), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip("t"),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), (1...Int64(CivilDate.daysInMonth(year: Int(year), month: Int(month)))).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var nanoseconds: Int64 = 0
        if scanner.skip(".") {
            var digitCount = 0
            while let digit = scanner.digit() {
                guard digitCount < 9 else { return nil }
                nanoseconds = nanoseconds * 10 + digit
                digitCount += 1
            }
            guard digitCount > 0 else { return nil }
            for _ in digitCount..<9 { nanoseconds *= 10 }
        }

        var offsetSeconds: Int64 = 0
        if scanner.skip("Z") || scanner.skip("z") {
            offsetSeconds = 0
        } else if let sign: Int64 = scanner.skip("+") ? 1 : (scanner.skip("-") ? -1 : nil) {
            guard let offsetHours = scanner.number(digits: 2), scanner.skip(":"),
                  let offsetMinutes = scanner.number(digits: 2), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard scanner.isAtEnd else { return nil }

        let days = Int64(CivilDate(year: Int(year), month: Int(month), day: Int(day)).days)
        self.init(
            secondsSince1970: days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds,
            nanoseconds: Int32(nanoseconds)
        )
    }

    private func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A cursor over ASCII bytes for the timestamp grammar.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { position == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func digit() -> Int64? {
            guard position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) else { return nil }
            defer { position += 1 }
            return Int64(bytes[position] - UInt8(ascii: "0"))
        }

        /// Four to six digits: PostgreSQL's timestamps reach year 294 276, and Ruby writes such years in full.
        mutating func year() -> Int64? {
            guard var value = number(digits: 4) else { return nil }
            for _ in 0..<2 {
                guard let digit = digit() else { break }
                value = value * 10 + digit
            }
            return value
        }

        mutating func number(digits count: Int) -> Int64? {
            var value: Int64 = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }
}

extension JobTimestamp: CustomStringConvertible {
    public var description: String { iso8601 }
}
