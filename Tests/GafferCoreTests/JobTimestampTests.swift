import Foundation
import Testing
@testable import GafferCore

@Suite struct JobTimestampTests {
    @Test(arguments: [
        ("2026-07-20T12:00:00Z", 1_784_548_800, 0),
        ("2026-07-20T12:00:00.1Z", 1_784_548_800, 100_000_000),
        ("2026-07-20T12:00:00.123456Z", 1_784_548_800, 123_456_000),
        ("2026-07-20T12:00:00.123456789Z", 1_784_548_800, 123_456_789),
        ("2026-07-20T14:30:00.5+02:30", 1_784_548_800, 500_000_000),
        ("2026-07-20T09:00:00-03:00", 1_784_548_800, 0),
        ("2000-02-29T00:00:00Z", 951_782_400, 0),
        ("1969-12-31T23:59:59.999999999Z", -1, 999_999_999),
        ("1970-01-01T00:00:00z", 0, 0),
    ] as [(String, Int64, Int32)])
    func parses(text: String, seconds: Int64, nanoseconds: Int32) {
        #expect(JobTimestamp(iso8601: text) == JobTimestamp(secondsSince1970: seconds, nanoseconds: nanoseconds))
    }

    @Test(arguments: [
        "", "2026-07-20", "2026-07-20T12:00:00", "2026-07-20 12:00:00Z", "2026-07-20T12:00:00.Z",
        "2026-07-20T12:00:00.1234567890Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-07-20T24:00:00Z", "2026-07-20T12:60:00Z", "2026-07-20T12:00:00+0200", "2026-07-20T12:00:00Z ",
        "26-07-20T12:00:00Z",
    ])
    func refuses(text: String) {
        #expect(JobTimestamp(iso8601: text) == nil)
    }

    @Test(arguments: [
        (1_784_548_800, 123_456_789, "2026-07-20T12:00:00.123456789Z"),
        (951_782_400, 0, "2000-02-29T00:00:00.000000000Z"),
        (-1, 999_999_999, "1969-12-31T23:59:59.999999999Z"),
        (253_402_300_799, 0, "9999-12-31T23:59:59.000000000Z"),
    ] as [(Int64, Int32, String)])
    func formats(seconds: Int64, nanoseconds: Int32, text: String) {
        #expect(JobTimestamp(secondsSince1970: seconds, nanoseconds: nanoseconds).iso8601 == text)
    }

    @Test func fromDateRoundsToMicroseconds() {
        #expect(JobTimestamp(Date(timeIntervalSince1970: 1_784_548_800.123456)).iso8601 == "2026-07-20T12:00:00.123456000Z")
        #expect(JobTimestamp(Date(timeIntervalSince1970: -0.5)) == JobTimestamp(secondsSince1970: -1, nanoseconds: 500_000_000))
        let back = JobTimestamp(secondsSince1970: 1_784_548_800, nanoseconds: 250_000_000).date
        #expect(back.timeIntervalSince1970 == 1_784_548_800.25)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        // 1900-01-01 through 2299-12-31, day by day: format then parse gives the same instant.
        var day = Int64(CivilDate(year: 1900, month: 1, day: 1).days)
        let end = Int64(CivilDate(year: 2300, month: 1, day: 1).days)
        var mismatches = 0
        while day < end {
            let stamp = JobTimestamp(secondsSince1970: day * 86_400 + 45_296, nanoseconds: 7)
            if JobTimestamp(iso8601: stamp.iso8601) != stamp { mismatches += 1 }
            day += 1
        }
        #expect(mismatches == 0)
        #expect(end - Int64(CivilDate(year: 1900, month: 1, day: 1).days) == 146_097)
    }
}
