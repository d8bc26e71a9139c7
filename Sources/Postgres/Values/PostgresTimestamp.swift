import Foundation
import GafferCore

/// Text conversions for `timestamp(6)` and `timestamptz` in the ISO DateStyle, always UTC.
///
/// Sessions run with `TimeZone = 'UTC'`, so `timestamptz` comes back as `…+00` and a
/// `timestamp` column holds the UTC wall clock, as Rails writes it.
public enum PostgresTimestamp {
    /// The instants PostgreSQL's timestamps hold: 4713-11-24 BC to 294276-12-31 AD.
    public static let range = Date(timeIntervalSince1970: -210_866_803_200)...Date(timeIntervalSince1970: 9_224_318_015_999)

    /// `2026-07-20 12:00:00.123456+00`, rounded to the microsecond; `…+00 BC` before year 1.
    ///
    /// Never traps: an instant outside `range` (or NaN) is written clamped to it.
    public static func format(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        let clamped = t.isNaN ? 0 : min(max(t, range.lowerBound.timeIntervalSince1970), range.upperBound.timeIntervalSince1970)
        let whole = clamped.rounded(.down)
        let micros = Int64(((clamped - whole) * 1_000_000).rounded())
        let seconds = Int64(whole) + micros / 1_000_000
        let fraction = micros % 1_000_000
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let date = CivilDate(days: Int(days))
        let (y, m, d) = (Int64(date.year), Int64(date.month), Int64(date.day))
        func pad(_ v: Int64, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(y > 0 ? y : 1 - y, 4))-\(pad(m, 2))-\(pad(d, 2)) \(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))+00\(y > 0 ? "" : " BC")"
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]][ BC]`; no offset means UTC. Years have 4 to 6
    /// digits; `infinity` and `-infinity` read as `Date.distantFuture` and `Date.distantPast`.
    public static func parse(_ text: String) throws -> Date {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        var bytes = Array(text.utf8)
        let bc = bytes.count > 3 && Array(bytes.suffix(3)) == Array(" BC".utf8)
        if bc { bytes.removeLast(3) }
        func fail() -> PostgresError { PostgresError(.decodingFailed, "\"\(text)\" is not a timestamp") }
        var i = 0
        func number(_ digits: Int) throws -> Int64 {
            guard i + digits <= bytes.count else { throw fail() }
            var v: Int64 = 0
            for _ in 0..<digits {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { throw fail() }
                v = v * 10 + Int64(b - 48)
                i += 1
            }
            return v
        }
        func expect(_ c: UInt8) throws {
            guard i < bytes.count, bytes[i] == c else { throw fail() }
            i += 1
        }
        var year = try number(4)
        while i < bytes.count, bytes[i] != 45, year < 100_000 { year = year * 10 + (try number(1)) }
        try expect(45)
        if bc { year = 1 - year }
        let month = try number(2); try expect(45)
        let day = try number(2)
        guard i < bytes.count, bytes[i] == 32 || bytes[i] == 84 else { throw fail() }
        i += 1
        let hour = try number(2); try expect(58)
        let minute = try number(2); try expect(58)
        let second = try number(2)
        var micros: Int64 = 0
        if i < bytes.count, bytes[i] == 46 {
            i += 1
            var digits = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                if digits < 6 { micros = micros * 10 + Int64(bytes[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { throw fail() }
            for _ in digits..<6 where digits < 6 { micros *= 10 }
        }
        var offset: Int64 = 0
        if i < bytes.count {
            let sign: Int64
            switch bytes[i] {
            case 43: sign = 1
            case 45: sign = -1
            case 90: sign = 0
            default: throw fail()
            }
            i += 1
            if sign != 0 {
                var parts = [try number(2)]
                while i < bytes.count, bytes[i] == 58 { i += 1; parts.append(try number(2)) }
                while parts.count < 3 { parts.append(0) }
                offset = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])
            }
        }
        guard i == bytes.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
              second < 61 else { throw fail() }
        let days = Int64(CivilDate(year: Int(year), month: Int(month), day: Int(day)).days)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }
}
