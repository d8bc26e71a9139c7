import Foundation
import GafferCore

extension CronExpression {
    /// How far `next` and `previous` look before giving up: ten years of wall-clock time.
    ///
    /// Every expression the parser accepts fires within eight years (`0 0 29 2 *` across 2100), so
    /// nil means "never" only for zones whose history skips every matching wall-clock time.
    static let searchHorizon = 3_660 * CivilDate.secondsPerDay

    /// The first fire time strictly after `date`, in whole seconds; nil if none within ten years.
    ///
    /// Fields are matched on the wall clock of `timeZone`. A wall-clock time skipped by a forward
    /// jump (spring forward) does not fire; one that occurs twice (fall back) fires once, at its
    /// first occurrence.
    public func next(after date: Date) -> Date? {
        guard let after = Self.wholeSeconds(date, roundingUp: false) else { return nil }
        let zone = CronTimeZoneMapping(timeZone: timeZone)
        // Wall-clock times already shown at or before `after` have had their first occurrence.
        var start = zone.latestLocal(before: after + 1) + 1
        let limit = start + Self.searchHorizon
        while let local = schedule.nextLocal(onOrAfter: start, notAfter: limit) {
            guard let instant = zone.firstInstant(showing: local) else {
                start = max(local + 1, zone.skippedRange(containing: local).upperBound)
                continue
            }
            if instant > after { return Date(timeIntervalSince1970: TimeInterval(instant)) }
            start = local + 1
        }
        return nil
    }

    /// The last fire time strictly before `date`, in whole seconds; nil if none within ten years.
    public func previous(before date: Date) -> Date? {
        guard let before = Self.wholeSeconds(date, roundingUp: true) else { return nil }
        let zone = CronTimeZoneMapping(timeZone: timeZone)
        var end = zone.latestLocal(before: before)
        let limit = end - Self.searchHorizon
        while let local = schedule.previousLocal(onOrBefore: end, notBefore: limit) {
            guard let instant = zone.firstInstant(showing: local) else {
                end = min(local - 1, zone.skippedRange(containing: local).lowerBound - 1)
                continue
            }
            if instant < before { return Date(timeIntervalSince1970: TimeInterval(instant)) }
            end = local - 1
        }
        return nil
    }

    /// Up to `count` consecutive fire times after `date`.
    public func nextTimes(after date: Date, count: Int) -> [Date] {
        var times: [Date] = []
        var cursor = date
        while times.count < count, let time = next(after: cursor) {
            times.append(time)
            cursor = time
        }
        return times
    }

    /// Whether `date` is a fire time: it is in whole seconds and `next` from just before it lands on it.
    public func fires(at date: Date) -> Bool {
        next(after: date.addingTimeInterval(-1)) == date
    }

    /// Seconds since 1970 as an integer, or nil outside years -9999...9999.
    private static func wholeSeconds(_ date: Date, roundingUp: Bool) -> Int? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 253_000_000_000 else { return nil }
        return Int(roundingUp ? seconds.rounded(.up) : seconds.rounded(.down))
    }
}
