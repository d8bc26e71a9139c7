import Foundation
import Testing

@testable import GafferCron

struct CronParseTests {
    struct Invalid: CustomTestStringConvertible, Sendable {
        var expression: String
        var code: CronParseError.Code
        var message: String
        var testDescription: String { expression }
    }

    static let invalid: [Invalid] = [
        Invalid(expression: "61 * * * *", code: .valueOutOfRange,
            message: #"cron "61 * * * *": minute "61" at position 1 is out of range 0-59"#),
        Invalid(expression: "  61 * * * *", code: .valueOutOfRange,
            message: #"cron "  61 * * * *": minute "61" at position 3 is out of range 0-59"#),
        Invalid(expression: "61\t* * * *\n", code: .valueOutOfRange,
            message: #"cron "61 * * * * ": minute "61" at position 1 is out of range 0-59"#),
        Invalid(expression: "* * *", code: .wrongFieldCount,
            message: #"cron "* * *": expected 5 or 6 fields, found 3"#),
        // fugit's natural language is not read: written as GoodJob users might, it fails on its shape.
        Invalid(expression: "every 5 minutes", code: .wrongFieldCount,
            message: #"cron "every 5 minutes": expected 5 or 6 fields, found 3"#),
        Invalid(expression: "", code: .wrongFieldCount,
            message: #"cron "": expected 5 or 6 fields, found 0"#),
        Invalid(expression: "* * * * * * * *", code: .wrongFieldCount,
            message: #"cron "* * * * * * * *": expected 5 or 6 fields, found 8"#),
        Invalid(expression: "0 3 * * Europe/Madrid", code: .wrongFieldCount,
            message: #"cron "0 3 * * Europe/Madrid": expected 5 or 6 fields before the time zone "Europe/Madrid", found 4"#),
        Invalid(expression: "0 3 * * * Mars/Olympus", code: .unknownTimeZone,
            message: #"cron "0 3 * * * Mars/Olympus": unknown time zone "Mars/Olympus" at position 11"#),
        Invalid(expression: "0 0 3 * * * Mars/Olympus", code: .unknownTimeZone,
            message: #"cron "0 0 3 * * * Mars/Olympus": unknown time zone "Mars/Olympus" at position 13"#),
        Invalid(expression: "60 0 3 * * * UTC", code: .valueOutOfRange,
            message: #"cron "60 0 3 * * * UTC": second "60" at position 1 is out of range 0-59"#),
        Invalid(expression: "0 24 * * *", code: .valueOutOfRange,
            message: #"cron "0 24 * * *": hour "24" at position 3 is out of range 0-23"#),
        Invalid(expression: "0 1-60 * * *", code: .valueOutOfRange,
            message: #"cron "0 1-60 * * *": hour "60" at position 5 is out of range 0-23"#),
        Invalid(expression: "0 0 0 * *", code: .valueOutOfRange,
            message: #"cron "0 0 0 * *": day-of-month "0" at position 5 is out of range 1-31"#),
        Invalid(expression: "0 0 * 13 *", code: .valueOutOfRange,
            message: #"cron "0 0 * 13 *": month "13" at position 7 is out of range 1-12 or JAN-DEC"#),
        Invalid(expression: "0 0 * * 8", code: .valueOutOfRange,
            message: #"cron "0 0 * * 8": day-of-week "8" at position 9 is out of range 0-7 or SUN-SAT"#),
        Invalid(expression: "0 0 * FOO *", code: .invalidValue,
            message: #"cron "0 0 * FOO *": month "FOO" at position 7 is not valid; expected 1-12 or JAN-DEC"#),
        Invalid(expression: "0 3 * * MON-FOO", code: .invalidValue,
            message: #"cron "0 3 * * MON-FOO": day-of-week "FOO" at position 13 is not valid; expected 0-7 or SUN-SAT"#),
        Invalid(expression: "x * * * *", code: .invalidValue,
            message: #"cron "x * * * *": minute "x" at position 1 is not valid; expected 0-59"#),
        Invalid(expression: "-1 * * * *", code: .invalidValue,
            message: #"cron "-1 * * * *": minute "-1" at position 1 is not valid; expected 0-59"#),
        Invalid(expression: "1-2-3 * * * *", code: .invalidValue,
            message: #"cron "1-2-3 * * * *": minute "1-2-3" at position 1 is not valid; expected 0-59"#),
        Invalid(expression: "5,,10 * * * *", code: .emptyListItem,
            message: #"cron "5,,10 * * * *": minute has an empty list item at position 3; expected 0-59"#),
        Invalid(expression: "*/0 * * * *", code: .invalidStep,
            message: #"cron "*/0 * * * *": minute step "0" at position 3 is not valid; expected 1-99"#),
        Invalid(expression: "0 */100 * * *", code: .invalidStep,
            message: #"cron "0 */100 * * *": hour step "100" at position 5 is not valid; expected 1-99"#),
        Invalid(expression: "0 0 30 2 *", code: .neverFires,
            message: #"cron "0 0 30 2 *": day-of-month "30" at position 5 never occurs in month "2" (at most 29 days), so it never fires"#),
        Invalid(expression: "0 0 31 4,6,9,11 *", code: .neverFires,
            message: #"cron "0 0 31 4,6,9,11 *": day-of-month "31" at position 5 never occurs in month "4,6,9,11" (at most 30 days), so it never fires"#),
        Invalid(expression: "@often", code: .unknownMacro,
            message: #"cron "@often": unknown macro "@often" at position 1; expected @yearly, @annually, @monthly, @weekly, @daily, @midnight, @noon, @hourly"#),
        Invalid(expression: "@daily 5", code: .unexpectedTextAfterMacro,
            message: #"cron "@daily 5": only a time zone may follow @daily, found "5" at position 8"#),
        Invalid(expression: "@daily SUN", code: .unknownTimeZone,
            message: #"cron "@daily SUN": unknown time zone "SUN" at position 8"#),
        Invalid(expression: "@hourly UTC 5", code: .unexpectedTextAfterMacro,
            message: #"cron "@hourly UTC 5": only a time zone may follow @hourly, found "5" at position 13"#),
        Invalid(expression: "@daily Mars/Olympus", code: .unknownTimeZone,
            message: #"cron "@daily Mars/Olympus": unknown time zone "Mars/Olympus" at position 8"#),
    ]

    @Test(arguments: invalid)
    func rejectsWithExactMessage(_ testCase: Invalid) {
        #expect {
            try CronExpression.parse(testCase.expression)
        } throws: { error in
            guard let error = error as? CronParseError else { return false }
            return error.code == testCase.code && error.description == testCase.message
        }
        // The message again, for a readable diff when it differs.
        do {
            _ = try CronExpression.parse(testCase.expression)
        } catch {
            #expect(error.description == testCase.message)
        }
    }

    @Test func errorCarriesFieldTokenAndPosition() {
        do {
            _ = try CronExpression.parse("0 0 * * 1,9")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == .dayOfWeek)
            #expect(error.token == "9")
            #expect(error.position == 11)
        }
    }

    static let normalized: [(String, String)] = [
        ("*/15 * * * *", "*/15 * * * *"),
        ("10-50/10 * * * *", "10-50/10 * * * *"),
        ("0 0 * * 7", "0 0 * * 0"),
        ("0 0 * * 0-7", "0 0 * * 0-6"),
        ("0 0 1-31 * *", "0 0 * * *"),
        ("0 0 */1 * *", "0 0 * * *"),
        ("@daily", "0 0 * * *"),
        ("@midnight", "0 0 * * *"),
        ("@annually", "0 0 1 1 *"),
        ("@weekly Europe/Madrid", "0 0 * * 0 Europe/Madrid"),
        ("0 3 * * * Europe/Madrid", "0 3 * * * Europe/Madrid"),
        ("0 3 * * * Etc/UTC", "0 3 * * *"),
        ("0 3 * * * UTC", "0 3 * * *"),
        ("0  0\t1,2,3,4,10 JAN-MAR mon-fri\n", "0 0 1-4,10 1-3 1-5"),
        ("0 22-2 * * *", "0 0-2,22,23 * * *"),
        ("0 */20 * * * *", "*/20 * * * *"),
        ("30 */20 * * * *", "30 */20 * * * *"),
        ("0 0 * * FRI-MON", "0 0 * * 0,1,5,6"),
        ("0 0 */2 * *", "0 0 */2 * *"),
        ("0 12 * * */2", "0 12 * * */2"),
        ("15,45 9 * * 1,3,5", "15,45 9 * * 1-5/2"),
    ]

    @Test(arguments: normalized)
    func descriptionIsNormalizedAndParsesBackEqual(_ text: String, _ expected: String) throws {
        let expression = try CronExpression.parse(text)
        #expect(expression.description == expected)
        #expect(try CronExpression.parse(expression.description) == expression)
    }

    @Test func sixTokensEndingInAWeekdayAreSixFields() throws {
        // Second 5, minute 3, every hour, Sundays; not five fields in a zone called "SUN".
        let expression = try CronExpression.parse("5 3 * * * SUN")
        #expect(expression.description == "5 3 * * * 0")
        #expect(expression.timeZone == CronExpression.utc)
    }

    @Test func explicitZoneWinsOverTheDefault() throws {
        let madrid = zone("Europe/Madrid")
        #expect(try CronExpression.parse("0 3 * * *", defaultTimeZone: madrid).timeZone == madrid)
        #expect(try CronExpression.parse("0 3 * * * UTC", defaultTimeZone: madrid).timeZone == CronExpression.utc)
        #expect(try CronExpression.parse("0 3 * * * America/New_York", defaultTimeZone: madrid).timeZone
            == zone("America/New_York"))
    }

    @Test func utcSpellingsAreEqual() throws {
        let plain = try CronExpression.parse("0 3 * * *")
        #expect(try CronExpression.parse("0 3 * * * Etc/UTC") == plain)
        #expect(try CronExpression.parse("0 3 * * * GMT") == plain)
        #expect(try CronExpression.parse("0 3 * * *", defaultTimeZone: zone("Etc/UTC")) == plain)
    }

    @Test func namesAreCaseInsensitiveAndMatchNumbers() throws {
        #expect(try CronExpression.parse("0 0 * jan-Mar sun,SAT") == CronExpression.parse("0 0 * 1-3 0,6"))
        #expect(try CronExpression.parse("@DAILY") == CronExpression.parse("0 0 * * *"))
    }

    @Test func dayOfMonthThatFitsSomeAllowedMonthIsAccepted() throws {
        // 31 fits January; 30 fits April; 30 in February fires on Mondays thanks to the OR rule.
        _ = try CronExpression.parse("0 0 31 1,2 *")
        _ = try CronExpression.parse("0 0 30 2,4 *")
        _ = try CronExpression.parse("0 0 30 2 1")
    }
}
