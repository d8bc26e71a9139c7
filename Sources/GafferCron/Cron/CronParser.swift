import Foundation
import GafferCore

/// Turns cron text into a `CronExpression`, reporting the first mistake with its position.
///
/// Grammar (fugit's common forms): `[second] minute hour day-of-month month day-of-week [zone]`
/// or `@macro [zone]`. A field is a comma list of items; an item is `*`, `v`, `a-b` (wrapping
/// when `a > b`, as in fugit: hours `22-2`), optionally followed by `/step`; `v/step` means
/// `v-max/step`. Months and weekdays also accept three-letter names, case-insensitively.
struct CronParser {
    /// A whitespace-separated piece of the input and its 1-based character position.
    struct Token {
        var text: String
        var position: Int
    }

    /// What one field's text allows.
    struct ParsedField {
        var values: CronValueSet
        /// Every list item is a bare `*`.
        var isPlainStar: Bool
    }

    let input: String
    let defaultTimeZone: TimeZone

    func parse() throws(CronParseError) -> CronExpression {
        var tokens = Self.tokenize(input)
        let zone: Zone?
        if let first = tokens.first, first.text.hasPrefix("@") {
            (tokens, zone) = try expandMacro(tokens)
        } else {
            zone = try trailingTimeZone(tokens)
            if zone != nil { tokens.removeLast() }
        }
        guard tokens.count == 5 || tokens.count == 6 else {
            throw CronParseError(.wrongFieldCount, input: input, detail: zone?.name ?? "", count: tokens.count)
        }
        var seconds = CronValueSet([0])
        if tokens.count == 6 {
            seconds = try parseField(tokens.removeFirst(), as: .second).values
        }
        let minutes = try parseField(tokens[0], as: .minute)
        let hours = try parseField(tokens[1], as: .hour)
        let daysOfMonth = try parseField(tokens[2], as: .dayOfMonth)
        let months = try parseField(tokens[3], as: .month)
        let daysOfWeek = try parseField(tokens[4], as: .dayOfWeek)

        let schedule = CronSchedule(
            seconds: seconds,
            minutes: minutes.values,
            hours: hours.values,
            daysOfMonth: daysOfMonth.values,
            months: months.values,
            daysOfWeek: daysOfWeek.values,
            isDayOfMonthRestricted: daysOfMonth.values != CronValueSet(1...31),
            isDayOfWeekRestricted: !daysOfWeek.isPlainStar
        )
        try checkDaysCanOccur(schedule, dayOfMonth: tokens[2], month: tokens[3])
        return CronExpression(schedule: schedule, timeZone: zone?.timeZone ?? defaultTimeZone)
    }

    // MARK: - Shape

    /// Splits on any whitespace, remembering where each piece starts.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current: Token?
        for (offset, character) in text.enumerated() {
            if character.isWhitespace {
                if let token = current { tokens.append(token) }
                current = nil
            } else if current == nil {
                current = Token(text: String(character), position: offset + 1)
            } else {
                current?.text.append(character)
            }
        }
        if let token = current { tokens.append(token) }
        return tokens
    }

    /// A time zone named in the text.
    typealias Zone = (name: String, timeZone: TimeZone)

    /// The five fields a macro such as `@daily` stands for, and the time zone that may follow it.
    private func expandMacro(_ tokens: [Token]) throws(CronParseError) -> ([Token], Zone?) {
        let macro = tokens[0]
        guard let fields = CronMacro.expansion(of: macro.text) else {
            throw CronParseError(.unknownMacro, input: input, token: macro.text, position: macro.position)
        }
        var zone: Zone?
        if tokens.count >= 2, Self.startsWithLetter(tokens[1].text) {
            zone = try timeZone(named: tokens[1])
        }
        let extraIndex = zone == nil ? 1 : 2
        if tokens.count > extraIndex {
            let extra = tokens[extraIndex]
            throw CronParseError(
                .unexpectedTextAfterMacro, input: input, token: extra.text, position: extra.position,
                detail: macro.text)
        }
        // Positions inside the expansion point at the macro itself.
        let expanded = fields.split(separator: " ").map { Token(text: String($0), position: macro.position) }
        return (expanded, zone)
    }

    /// The last token when it names a time zone; nil when it is a field.
    ///
    /// A last token is a zone if it starts with a letter and is not a valid day-of-week (so
    /// `0 3 * * * SUN` is six fields). An unknown zone is an error when it cannot be a field
    /// (there would be 6 or 7 tokens with it); with 5 it is reported as a bad day-of-week.
    private func trailingTimeZone(_ tokens: [Token]) throws(CronParseError) -> Zone? {
        guard let last = tokens.last, tokens.count > 1, Self.startsWithLetter(last.text),
            (try? parseField(last, as: .dayOfWeek)) == nil
        else { return nil }
        guard tokens.count == 6 || tokens.count == 7 || TimeZone(identifier: last.text) != nil else { return nil }
        return try timeZone(named: last)
    }

    /// The zone a token names; UTC spellings all become `CronExpression.utc`.
    private func timeZone(named token: Token) throws(CronParseError) -> Zone {
        guard let zone = TimeZone(identifier: token.text) else {
            throw CronParseError(.unknownTimeZone, input: input, token: token.text, position: token.position)
        }
        return (token.text, CronExpression.isUTC(zone) ? CronExpression.utc : zone)
    }

    private static func startsWithLetter(_ text: String) -> Bool {
        text.first?.isLetter ?? false
    }

    // MARK: - Fields

    func parseField(_ token: Token, as field: CronField) throws(CronParseError) -> ParsedField {
        var values = CronValueSet()
        var isPlainStar = true
        var itemPosition = token.position
        for item in token.text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else {
                throw CronParseError(.emptyListItem, input: input, field: field, position: itemPosition)
            }
            isPlainStar = isPlainStar && item == "*"
            for value in try parseItem(String(item), at: itemPosition, as: field) {
                values.insert(value)
            }
            itemPosition += item.count + 1
        }
        return ParsedField(values: values, isPlainStar: isPlainStar)
    }

    /// The values of one list item such as `*/15`, `10-50/10`, `MON-FRI` or `5`.
    private func parseItem(_ item: String, at position: Int, as field: CronField) throws(CronParseError) -> [Int] {
        let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        var step = 1
        if parts.count == 2 {
            let stepText = String(parts[1])
            guard stepText.allSatisfy(\.isASCII), let number = Int(stepText), (1...99).contains(number) else {
                throw CronParseError(
                    .invalidStep, input: input, field: field, token: stepText, position: position + base.count + 1)
            }
            step = number
        }

        let first: Int
        let last: Int
        if base == "*" {
            (first, last) = (field.minimum, field.normalizedMaximum)
        } else {
            let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, !bounds.contains(where: \.isEmpty) else {
                throw CronParseError(.invalidValue, input: input, field: field, token: base, position: position)
            }
            first = try parseValue(String(bounds[0]), at: position, as: field)
            if bounds.count == 2 {
                last = try parseValue(String(bounds[1]), at: position + bounds[0].count + 1, as: field)
            } else {
                last = parts.count == 2 ? field.normalizedMaximum : first
            }
        }
        return Self.expand(from: first, through: last, step: step, in: field)
    }

    private func parseValue(_ text: String, at position: Int, as field: CronField) throws(CronParseError) -> Int {
        if let index = field.names.firstIndex(of: text.uppercased()) {
            return field.minimum + index
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CronParseError(.invalidValue, input: input, field: field, token: text, position: position)
        }
        guard let value = Int(text), (field.minimum...field.maximum).contains(value) else {
            throw CronParseError(.valueOutOfRange, input: input, field: field, token: text, position: position)
        }
        return value
    }

    /// `first` through `last`, wrapping past the field's end when `first > last`, every `step`-th value.
    static func expand(from first: Int, through last: Int, step: Int, in field: CronField) -> [Int] {
        let end = first <= last ? last : last + field.cycleLength
        return stride(from: first, through: end, by: step).map { value in
            field.minimum + (value - field.minimum) % field.cycleLength
        }
    }

    // MARK: - Whole expression

    /// Rejects a day-of-month that no allowed month has (`0 0 30 2 *`) when day-of-week cannot help.
    private func checkDaysCanOccur(_ schedule: CronSchedule, dayOfMonth: Token, month: Token) throws(CronParseError) {
        guard schedule.isDayOfMonthRestricted, !schedule.isDayOfWeekRestricted else { return }
        // A leap year has the longest February, so year 2000 gives each month's maximum.
        let longest = schedule.months.values.map { CivilDate.daysInMonth(year: 2000, month: $0) }.max() ?? 31
        guard let earliestDay = schedule.daysOfMonth.values.first, earliestDay > longest else { return }
        throw CronParseError(
            .neverFires, input: input, field: .dayOfMonth, token: dayOfMonth.text, position: dayOfMonth.position,
            detail: month.text, count: longest)
    }
}
