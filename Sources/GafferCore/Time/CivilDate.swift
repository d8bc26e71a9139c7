/// A proleptic Gregorian calendar date, converted to and from a count of days since 1970-01-01.
///
/// Pure integer arithmetic (Howard Hinnant's `days_from_civil` / `civil_from_days`, exact for every
/// year), so neither cron's search for fire times nor the timestamp formats ask Foundation's `Calendar`.
/// The one implementation: Active Job timestamps, PostgreSQL's timestamp text and cron all use it. "Local seconds" elsewhere means seconds since
/// 1970-01-01 00:00:00 on a wall clock, with no time zone attached: `days * 86_400 + secondOfDay`.
public struct CivilDate: Sendable, Hashable {
    public static let secondsPerDay = 86_400

    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    public init(days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    public var days: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 = Sunday ... 6 = Saturday.
    public var weekday: Int {
        let value = (days + 4) % 7  // 1970-01-01 was a Thursday
        return value < 0 ? value + 7 : value
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Splits local seconds into the day count and the second of that day (0..<86_400).
    public static func split(localSeconds: Int) -> (days: Int, secondOfDay: Int) {
        let days = localSeconds >= 0 ? localSeconds / secondsPerDay : (localSeconds + 1) / secondsPerDay - 1
        return (days, localSeconds - days * secondsPerDay)
    }
}
