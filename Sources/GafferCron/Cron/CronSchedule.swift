import GafferCore
/// The matching rules of a cron expression, searched on a wall clock with no time zone.
///
/// Searches skip what cannot match: a month not in the set jumps to the next allowed month, a day
/// that does not match moves on by whole days, and within a day the next hour, minute and second
/// are each found with one bit-scan. Time zones are handled by `CronExpression`, which maps the
/// wall-clock results to instants.
struct CronSchedule: Sendable, Hashable {
    var seconds: CronValueSet
    var minutes: CronValueSet
    var hours: CronValueSet
    var daysOfMonth: CronValueSet
    var months: CronValueSet
    /// 0 = Sunday ... 6 = Saturday.
    var daysOfWeek: CronValueSet
    /// Day-of-month is restricted unless it covers 1-31 (fugit treats `*`, `*/1` and `1-31` alike).
    var isDayOfMonthRestricted: Bool
    /// Day-of-week is restricted unless written as a plain `*` (so `*/1` and `0-6` restrict, as in fugit).
    var isDayOfWeekRestricted: Bool

    /// Whether the day matches; when both day fields are restricted either one suffices (cron's OR rule).
    func matchesDay(_ date: CivilDate) -> Bool {
        switch (isDayOfMonthRestricted, isDayOfWeekRestricted) {
        case (true, true): daysOfMonth.contains(date.day) || daysOfWeek.contains(date.weekday)
        case (true, false): daysOfMonth.contains(date.day)
        case (false, true): daysOfWeek.contains(date.weekday)
        case (false, false): true
        }
    }

    /// The first matching wall-clock second at or after `start`, if one exists at or before `limit`.
    func nextLocal(onOrAfter start: Int, notAfter limit: Int) -> Int? {
        var (day, secondOfDay) = CivilDate.split(localSeconds: start)
        let lastDay = CivilDate.split(localSeconds: limit).days
        while day <= lastDay {
            let date = CivilDate(days: day)
            if !months.contains(date.month) {
                day = firstDayOfNextAllowedMonth(after: date)
            } else if !matchesDay(date) {
                day = nextCandidateDay(after: date, days: day)
            } else if let time = firstTime(onOrAfter: secondOfDay) {
                let local = day * CivilDate.secondsPerDay + time
                return local <= limit ? local : nil
            } else {
                day += 1
            }
            secondOfDay = 0
        }
        return nil
    }

    /// The last matching wall-clock second at or before `end`, if one exists at or after `limit`.
    func previousLocal(onOrBefore end: Int, notBefore limit: Int) -> Int? {
        var (day, secondOfDay) = CivilDate.split(localSeconds: end)
        let firstDay = CivilDate.split(localSeconds: limit).days
        while day >= firstDay {
            let date = CivilDate(days: day)
            if !months.contains(date.month) {
                day = lastDayOfPreviousAllowedMonth(before: date)
            } else if !matchesDay(date) {
                day = previousCandidateDay(before: date, days: day)
            } else if let time = lastTime(onOrBefore: secondOfDay) {
                let local = day * CivilDate.secondsPerDay + time
                return local >= limit ? local : nil
            } else {
                day -= 1
            }
            secondOfDay = CivilDate.secondsPerDay - 1
        }
        return nil
    }

    // MARK: - Days

    private func firstDayOfNextAllowedMonth(after date: CivilDate) -> Int {
        // `months` is never empty: the parser rejects empty fields.
        if let month = months.next(from: date.month + 1) {
            return CivilDate(year: date.year, month: month, day: 1).days
        }
        return CivilDate(year: date.year + 1, month: months.next(from: 1)!, day: 1).days
    }

    private func lastDayOfPreviousAllowedMonth(before date: CivilDate) -> Int {
        let (year, month) = months.previous(from: date.month - 1).map { (date.year, $0) }
            ?? (date.year - 1, months.previous(from: 12)!)
        return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month)).days
    }

    /// When only day-of-month restricts, jump straight to its next value in this month.
    private func nextCandidateDay(after date: CivilDate, days: Int) -> Int {
        guard !isDayOfWeekRestricted else { return days + 1 }
        let monthLength = CivilDate.daysInMonth(year: date.year, month: date.month)
        if let next = daysOfMonth.next(from: date.day + 1), next <= monthLength {
            return days + (next - date.day)
        }
        return days + (monthLength - date.day) + 1
    }

    /// When only day-of-month restricts, jump straight to its previous value in this month.
    private func previousCandidateDay(before date: CivilDate, days: Int) -> Int {
        guard !isDayOfWeekRestricted else { return days - 1 }
        if let previous = daysOfMonth.previous(from: date.day - 1), previous >= 1 {
            return days - (date.day - previous)
        }
        return days - date.day
    }

    // MARK: - Time of day

    /// The first matching second of the day at or after `secondOfDay`.
    private func firstTime(onOrAfter secondOfDay: Int) -> Int? {
        var hour = secondOfDay / 3600
        var minute = secondOfDay / 60 % 60
        var second = secondOfDay % 60
        while let matchedHour = hours.next(from: hour) {
            if matchedHour != hour { (minute, second) = (0, 0) }
            hour = matchedHour
            if let matchedMinute = minutes.next(from: minute) {
                if matchedMinute != minute { second = 0 }
                if let matchedSecond = seconds.next(from: second) {
                    return matchedHour * 3600 + matchedMinute * 60 + matchedSecond
                }
                (minute, second) = (matchedMinute + 1, 0)
            } else {
                (hour, minute, second) = (matchedHour + 1, 0, 0)
            }
        }
        return nil
    }

    /// The last matching second of the day at or before `secondOfDay`.
    private func lastTime(onOrBefore secondOfDay: Int) -> Int? {
        var hour = secondOfDay / 3600
        var minute = secondOfDay / 60 % 60
        var second = secondOfDay % 60
        while let matchedHour = hours.previous(from: hour) {
            if matchedHour != hour { (minute, second) = (59, 59) }
            hour = matchedHour
            if let matchedMinute = minutes.previous(from: minute) {
                if matchedMinute != minute { second = 59 }
                if let matchedSecond = seconds.previous(from: second) {
                    return matchedHour * 3600 + matchedMinute * 60 + matchedSecond
                }
                (minute, second) = (matchedMinute - 1, 59)
            } else {
                (hour, minute, second) = (matchedHour - 1, 59, 59)
            }
        }
        return nil
    }
}
