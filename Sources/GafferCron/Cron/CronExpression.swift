import Foundation

/// A parsed cron schedule in the forms GoodJob users write for fugit, evaluated in one time zone.
///
/// Accepted: 5 fields (`minute hour day-of-month month day-of-week`) or 6 (a leading `second`);
/// `*`, lists, ranges, steps, month and weekday names, weekday 7 as Sunday; the macros `@yearly`,
/// `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@noon`, `@hourly`; an optional
/// trailing time zone (`0 3 * * * Europe/Madrid`). When day-of-month and day-of-week are both
/// restricted, a day matching either fires. Expressions that can never fire (`0 0 30 2 *`) are
/// rejected by the parser.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    let schedule: CronSchedule
    /// The zone whose wall clock the fields describe: the trailing zone, else the default given to `parse`.
    public let timeZone: TimeZone

    init(schedule: CronSchedule, timeZone: TimeZone) {
        self.schedule = schedule
        self.timeZone = timeZone
    }

    /// Parses cron text; `defaultTimeZone` applies when the text names no zone (GoodJob: Rails' `Time.zone`).
    public static func parse(_ text: String, defaultTimeZone: TimeZone = utc) throws(CronParseError) -> CronExpression {
        try CronParser(input: text, defaultTimeZone: isUTC(defaultTimeZone) ? utc : defaultTimeZone).parse()
    }

    /// Coordinated Universal Time, the default zone.
    public static let utc = TimeZone(identifier: "UTC")!

    /// Identifiers that all mean UTC; they compare equal after parsing.
    private static let utcIdentifiers: Set<String> = [
        "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT",
    ]

    static func isUTC(_ zone: TimeZone) -> Bool {
        utcIdentifiers.contains(zone.identifier)
    }

    /// A normalized form that parses back to an equal expression, e.g. `*/15 9-17 * * 1-5 Europe/Madrid`.
    ///
    /// Seconds appear only when not just `0`; steps and ranges are re-derived from the values,
    /// names become numbers, macros are expanded, and the zone is omitted when it is UTC.
    public var description: String {
        var fields: [String] = []
        if schedule.seconds != CronValueSet([0]) {
            fields.append(Self.format(schedule.seconds, as: .second, restricted: true))
        }
        fields.append(Self.format(schedule.minutes, as: .minute, restricted: true))
        fields.append(Self.format(schedule.hours, as: .hour, restricted: true))
        fields.append(Self.format(schedule.daysOfMonth, as: .dayOfMonth, restricted: schedule.isDayOfMonthRestricted))
        fields.append(Self.format(schedule.months, as: .month, restricted: true))
        fields.append(Self.format(schedule.daysOfWeek, as: .dayOfWeek, restricted: schedule.isDayOfWeekRestricted))
        if !Self.isUTC(timeZone) { fields.append(timeZone.identifier) }
        return fields.joined(separator: " ")
    }

    /// One field's text: `*`, `*/k`, `a-b/k`, or a list of values and `a-b` runs.
    private static func format(_ set: CronValueSet, as field: CronField, restricted: Bool) -> String {
        let values = set.values
        let fullRange = Array(field.minimum...field.normalizedMaximum)
        // Day-of-week keeps an explicit full range: `0-6` restricts where `*` does not.
        if !restricted || (values == fullRange && field != .dayOfWeek) { return "*" }
        if values.count >= 3 {
            let step = values[1] - values[0]
            let isProgression = step >= 2 && zip(values, values.dropFirst()).allSatisfy { $1 - $0 == step }
            if isProgression {
                let reachesEnd = values.last! + step > field.normalizedMaximum
                return values[0] == field.minimum && reachesEnd
                    ? "*/\(step)" : "\(values[0])-\(values.last!)/\(step)"
            }
        }
        var pieces: [String] = []
        var runStart = 0
        for index in values.indices where index == values.count - 1 || values[index + 1] != values[index] + 1 {
            let run = values[runStart...index]
            pieces += run.count >= 3 ? ["\(run.first!)-\(run.last!)"] : run.map(String.init)
            runStart = index + 1
        }
        return pieces.joined(separator: ",")
    }
}
