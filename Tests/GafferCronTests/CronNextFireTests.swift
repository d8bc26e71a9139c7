import Foundation
import Testing

@testable import GafferCron

/// Next five fire times, written out by hand, from a fixed instant (most rows: Tuesday 2024-02-27 22:45:10 UTC).
struct CronNextFireTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var expression: String
        var defaultZone: String? = nil
        var from = "2024-02-27T22:45:10Z"
        var expected: [String]
        var testDescription: String { expression }
    }

    static let cases: [Case] = [
        Case(expression: "*/15 * * * *", expected: [
            "2024-02-27T23:00:00Z", "2024-02-27T23:15:00Z", "2024-02-27T23:30:00Z", "2024-02-27T23:45:00Z",
            "2024-02-28T00:00:00Z",
        ]),
        Case(expression: "5/20 * * * *", expected: [
            "2024-02-27T23:05:00Z", "2024-02-27T23:25:00Z", "2024-02-27T23:45:00Z", "2024-02-28T00:05:00Z",
            "2024-02-28T00:25:00Z",
        ]),
        Case(expression: "0 3 * * *", expected: [
            "2024-02-28T03:00:00Z", "2024-02-29T03:00:00Z", "2024-03-01T03:00:00Z", "2024-03-02T03:00:00Z",
            "2024-03-03T03:00:00Z",
        ]),
        // Both day fields restricted: the 1st, the 15th, or any Wednesday.
        Case(expression: "30 4 1,15 * 3", expected: [
            "2024-02-28T04:30:00Z", "2024-03-01T04:30:00Z", "2024-03-06T04:30:00Z", "2024-03-13T04:30:00Z",
            "2024-03-15T04:30:00Z",
        ]),
        Case(expression: "0 0 31 * *", expected: [
            "2024-03-31T00:00:00Z", "2024-05-31T00:00:00Z", "2024-07-31T00:00:00Z", "2024-08-31T00:00:00Z",
            "2024-10-31T00:00:00Z",
        ]),
        // 2100 is not a leap year.
        Case(expression: "0 0 29 2 *", from: "2095-01-01T00:00:00Z", expected: [
            "2096-02-29T00:00:00Z", "2104-02-29T00:00:00Z", "2108-02-29T00:00:00Z", "2112-02-29T00:00:00Z",
            "2116-02-29T00:00:00Z",
        ]),
        Case(expression: "0 9-17/4 * * MON-FRI", expected: [
            "2024-02-28T09:00:00Z", "2024-02-28T13:00:00Z", "2024-02-28T17:00:00Z", "2024-02-29T09:00:00Z",
            "2024-02-29T13:00:00Z",
        ]),
        Case(expression: "0 22-2 * * *", expected: [
            "2024-02-27T23:00:00Z", "2024-02-28T00:00:00Z", "2024-02-28T01:00:00Z", "2024-02-28T02:00:00Z",
            "2024-02-28T22:00:00Z",
        ]),
        Case(expression: "0 0 * * 7", expected: [
            "2024-03-03T00:00:00Z", "2024-03-10T00:00:00Z", "2024-03-17T00:00:00Z", "2024-03-24T00:00:00Z",
            "2024-03-31T00:00:00Z",
        ]),
        Case(expression: "0 12 * JAN,jul *", expected: [
            "2024-07-01T12:00:00Z", "2024-07-02T12:00:00Z", "2024-07-03T12:00:00Z", "2024-07-04T12:00:00Z",
            "2024-07-05T12:00:00Z",
        ]),
        // The seed's account updater, once a year at midnight on 1 January.
        Case(expression: "0 0 1 1 *", expected: [
            "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z",
            "2029-01-01T00:00:00Z",
        ]),
        Case(expression: "* * * * * *", expected: [
            "2024-02-27T22:45:11Z", "2024-02-27T22:45:12Z", "2024-02-27T22:45:13Z", "2024-02-27T22:45:14Z",
            "2024-02-27T22:45:15Z",
        ]),
        Case(expression: "@daily", expected: [
            "2024-02-28T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z",
            "2024-03-03T00:00:00Z",
        ]),
        Case(expression: "@midnight", expected: [
            "2024-02-28T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z",
            "2024-03-03T00:00:00Z",
        ]),
        Case(expression: "@noon", expected: [
            "2024-02-28T12:00:00Z", "2024-02-29T12:00:00Z", "2024-03-01T12:00:00Z", "2024-03-02T12:00:00Z",
            "2024-03-03T12:00:00Z",
        ]),
        Case(expression: "@annually", expected: [
            "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z",
            "2029-01-01T00:00:00Z",
        ]),
        Case(expression: "@weekly", expected: [
            "2024-03-03T00:00:00Z", "2024-03-10T00:00:00Z", "2024-03-17T00:00:00Z", "2024-03-24T00:00:00Z",
            "2024-03-31T00:00:00Z",
        ]),
        Case(expression: "@hourly", expected: [
            "2024-02-27T23:00:00Z", "2024-02-28T00:00:00Z", "2024-02-28T01:00:00Z", "2024-02-28T02:00:00Z",
            "2024-02-28T03:00:00Z",
        ]),
        Case(expression: "@yearly", expected: [
            "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z",
            "2029-01-01T00:00:00Z",
        ]),
        Case(expression: "@monthly Etc/UTC", expected: [
            "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z", "2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z",
            "2024-07-01T00:00:00Z",
        ]),
        // Six fields: seconds first.
        Case(expression: "*/20 * * * * *", expected: [
            "2024-02-27T22:45:20Z", "2024-02-27T22:45:40Z", "2024-02-27T22:46:00Z", "2024-02-27T22:46:20Z",
            "2024-02-27T22:46:40Z",
        ]),
        Case(expression: "30 0 12 * * *", expected: [
            "2024-02-28T12:00:30Z", "2024-02-29T12:00:30Z", "2024-03-01T12:00:30Z", "2024-03-02T12:00:30Z",
            "2024-03-03T12:00:30Z",
        ]),
        // Time zones.
        Case(expression: "0 3 * * * Europe/Madrid", expected: [
            "2024-02-28T03:00:00+01:00", "2024-02-29T03:00:00+01:00", "2024-03-01T03:00:00+01:00",
            "2024-03-02T03:00:00+01:00", "2024-03-03T03:00:00+01:00",
        ]),
        Case(expression: "0 9 * * 1-5", defaultZone: "America/New_York", expected: [
            "2024-02-28T09:00:00-05:00", "2024-02-29T09:00:00-05:00", "2024-03-01T09:00:00-05:00",
            "2024-03-04T09:00:00-05:00", "2024-03-05T09:00:00-05:00",
        ]),
        // Madrid springs forward on 2024-03-31 at 02:00: 02:30 does not exist that day.
        Case(expression: "30 2 * * * Europe/Madrid", from: "2024-03-29T00:00:00Z", expected: [
            "2024-03-29T02:30:00+01:00", "2024-03-30T02:30:00+01:00", "2024-04-01T02:30:00+02:00",
            "2024-04-02T02:30:00+02:00", "2024-04-03T02:30:00+02:00",
        ]),
        // Madrid falls back on 2024-10-27 at 03:00: 02:30 happens twice and fires at the first.
        Case(expression: "30 2 * * * Europe/Madrid", from: "2024-10-26T00:00:00Z", expected: [
            "2024-10-26T02:30:00+02:00", "2024-10-27T02:30:00+02:00", "2024-10-28T02:30:00+01:00",
            "2024-10-29T02:30:00+01:00", "2024-10-30T02:30:00+01:00",
        ]),
        // New York springs forward on 2024-03-10: 02:00-02:59 is skipped.
        Case(expression: "*/30 * * * * America/New_York", from: "2024-03-10T01:00:00-05:00", expected: [
            "2024-03-10T01:30:00-05:00", "2024-03-10T03:00:00-04:00", "2024-03-10T03:30:00-04:00",
            "2024-03-10T04:00:00-04:00", "2024-03-10T04:30:00-04:00",
        ]),
        // New York falls back on 2024-11-03: 01:00-01:59 repeats and fires only the first time.
        Case(expression: "*/30 * * * * America/New_York", from: "2024-11-03T01:15:00-04:00", expected: [
            "2024-11-03T01:30:00-04:00", "2024-11-03T02:00:00-05:00", "2024-11-03T02:30:00-05:00",
            "2024-11-03T03:00:00-05:00", "2024-11-03T03:30:00-05:00",
        ]),
        // Starting inside the repeated hour (second pass): its wall-clock times have already fired.
        Case(expression: "*/30 * * * * America/New_York", from: "2024-11-03T01:10:00-05:00", expected: [
            "2024-11-03T02:00:00-05:00", "2024-11-03T02:30:00-05:00", "2024-11-03T03:00:00-05:00",
            "2024-11-03T03:30:00-05:00", "2024-11-03T04:00:00-05:00",
        ]),
        Case(expression: "15 1 * * * America/New_York", from: "2024-11-03T01:30:00-05:00", expected: [
            "2024-11-04T01:15:00-05:00", "2024-11-05T01:15:00-05:00", "2024-11-06T01:15:00-05:00",
            "2024-11-07T01:15:00-05:00", "2024-11-08T01:15:00-05:00",
        ]),
    ]

    @Test(arguments: cases)
    func nextFiveFireTimes(_ testCase: Case) throws {
        let defaultZone = testCase.defaultZone.map(zone) ?? CronExpression.utc
        let expression = try CronExpression.parse(testCase.expression, defaultTimeZone: defaultZone)
        let times = expression.nextTimes(after: instant(testCase.from), count: 5)
        #expect(times.map(utcText) == testCase.expected.map { utcText(instant($0)) })
    }

    @Test(arguments: cases)
    func previousWalksBackOverTheSameTimes(_ testCase: Case) throws {
        let defaultZone = testCase.defaultZone.map(zone) ?? CronExpression.utc
        let expression = try CronExpression.parse(testCase.expression, defaultTimeZone: defaultZone)
        let times = testCase.expected.map(instant)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(utcText(expression.previous(before: later)) == utcText(earlier))
        }
        #expect(expression.previous(before: times[0]).map { $0 <= instant(testCase.from) } ?? true)
    }

    @Test func fractionalInstantsAreTreatedAsStrictlyAfterAndBefore() throws {
        let expression = try CronExpression.parse("* * * * * *")
        let base = instant("2024-01-01T00:00:00Z")
        #expect(expression.next(after: base.addingTimeInterval(0.25)) == base.addingTimeInterval(1))
        #expect(expression.next(after: base) == base.addingTimeInterval(1))
        #expect(expression.previous(before: base.addingTimeInterval(0.25)) == base)
        #expect(expression.previous(before: base) == base.addingTimeInterval(-1))
    }

    @Test func firesAtReportsOnlyWholeSecondFireTimes() throws {
        let expression = try CronExpression.parse("0 3 * * * Europe/Madrid")
        #expect(expression.fires(at: instant("2024-10-27T03:00:00+01:00")))
        #expect(!expression.fires(at: instant("2024-10-27T03:00:00Z")))
        #expect(!expression.fires(at: instant("2024-10-27T03:00:00+01:00").addingTimeInterval(0.5)))
    }

    @Test func nextTimesStopsAtTheRequestedCount() throws {
        let expression = try CronExpression.parse("@daily")
        #expect(expression.nextTimes(after: instant("2024-01-01T12:00:00Z"), count: 0).isEmpty)
        #expect(expression.nextTimes(after: instant("2024-01-01T12:00:00Z"), count: 2).count == 2)
    }
}
