import Foundation
import GafferCore

/// ISO 8601 in UTC with milliseconds, `2026-12-03T16:45:30.123Z`, as every log line writes its time.
///
/// Integer arithmetic over `CivilDate`: no formatter to share between threads, no time zone database.
enum LogTimestamp {
    static func iso(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let inDay = millis - days * 86_400_000
        let civil = CivilDate(days: days)
        let seconds = inDay / 1000
        return "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))T"
            + "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(inDay % 1000, 3))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
