import Foundation
import Testing

@testable import GafferCron

/// Random expressions checked against a brute-force walk over the wall clock of their zone.
///
/// The walk asks Foundation's `Calendar` for the local date of every minute (every second for
/// six-field expressions), matches it against value sets the generator built independently of
/// the parser, and fires a wall-clock time only the first time the clock shows it.
struct CronPropertyTests {
    /// DST weekends (the UTC instant of the change) plus ordinary instants.
    static let windowCenters: [(zone: String, center: String)] = [
        ("Europe/Madrid", "2024-03-31T01:00:00Z"),
        ("Europe/Madrid", "2024-10-27T01:00:00Z"),
        ("Europe/Madrid", "2025-03-30T01:00:00Z"),
        ("Europe/Madrid", "2025-10-26T01:00:00Z"),
        ("America/New_York", "2024-03-10T07:00:00Z"),
        ("America/New_York", "2024-11-03T06:00:00Z"),
        ("America/New_York", "2025-03-09T07:00:00Z"),
        ("America/New_York", "2025-11-02T06:00:00Z"),
        ("Australia/Lord_Howe", "2024-10-05T15:30:00Z"),  // 30-minute shift
        ("UTC", "2024-02-28T12:00:00Z"),
        ("America/New_York", "2027-06-15T12:00:00Z"),
        ("Europe/Madrid", "2028-02-28T20:00:00Z"),
    ]

    @Test(arguments: 0..<windowCenters.count)
    func fiveFieldNextAndPreviousMatchMinuteWalk(_ windowIndex: Int) throws {
        var random = SeededGenerator(seed: 0xC0FFEE + UInt64(windowIndex))
        let (zoneName, center) = Self.windowCenters[windowIndex]
        for _ in 0..<24 {
            let spec = CronSpec.random(withSeconds: false, using: &random)
            let window = instant(center).addingTimeInterval(-86_400)...instant(center).addingTimeInterval(86_400)
            try check(spec, zoneName: zoneName, window: window, step: 60, using: &random)
        }
    }

    @Test(arguments: 0..<windowCenters.count)
    func sixFieldNextAndPreviousMatchSecondWalk(_ windowIndex: Int) throws {
        var random = SeededGenerator(seed: 0x5EC0DD5 + UInt64(windowIndex))
        let (zoneName, center) = Self.windowCenters[windowIndex]
        for _ in 0..<6 {
            let spec = CronSpec.random(withSeconds: true, using: &random)
            let window = instant(center).addingTimeInterval(-3_600)...instant(center).addingTimeInterval(3_600)
            try check(spec, zoneName: zoneName, window: window, step: 1, using: &random)
        }
    }

    @Test func randomInstantsAcrossYears() throws {
        var random = SeededGenerator(seed: 20_240_229)
        let zones = ["UTC", "Europe/Madrid", "America/New_York"]
        for _ in 0..<40 {
            let spec = CronSpec.random(withSeconds: false, using: &random)
            let start = Double(Int.random(in: 1_600_000_000...2_200_000_000, using: &random))
            let window = Date(timeIntervalSince1970: start)...Date(timeIntervalSince1970: start + 2 * 86_400)
            try check(spec, zoneName: zones.randomElement(using: &random)!, window: window, step: 60, using: &random)
        }
    }

    /// Parses `spec` in `zoneName`, walks `window`, and compares `next`/`previous` at random instants in it.
    private func check(
        _ spec: CronSpec, zoneName: String, window: ClosedRange<Date>, step: Int, using random: inout SeededGenerator
    ) throws {
        let timeZone = zone(zoneName)
        let zoneInText = Bool.random(using: &random)
        let text = spec.text + (zoneInText ? " \(zoneName)" : "")
        let expression: CronExpression
        do {
            expression = try CronExpression.parse(text, defaultTimeZone: zoneInText ? CronExpression.utc : timeZone)
        } catch {
            #expect(error.code == .neverFires && !spec.canFire, "\(text): \(error)")
            return
        }
        #expect(spec.canFire, "\(text) should have been rejected")

        let fires = bruteForceFires(spec, in: timeZone, window: window, step: step)
        let lower = window.lowerBound.timeIntervalSince1970
        let upper = window.upperBound.timeIntervalSince1970
        var probes = (0..<20).map { _ in Date(timeIntervalSince1970: Double.random(in: lower..<upper, using: &random)) }
        probes += fires.prefix(5)

        for probe in probes {
            let actualNext = expression.next(after: probe)
            if let expected = fires.first(where: { $0 > probe }) {
                #expect(actualNext == expected, "\(text) next after \(utcText(probe))")
            } else {
                #expect(actualNext.map { $0 > window.upperBound } ?? true, "\(text) next after \(utcText(probe))")
            }
            let actualPrevious = expression.previous(before: probe)
            if let expected = fires.last(where: { $0 < probe }) {
                #expect(actualPrevious == expected, "\(text) previous before \(utcText(probe))")
            } else {
                #expect(actualPrevious.map { $0 < window.lowerBound } ?? true, "\(text) previous before \(utcText(probe))")
            }
        }
    }

    /// Fire instants in `window`: the wall clock matches and shows that reading for the first time.
    private func bruteForceFires(_ spec: CronSpec, in timeZone: TimeZone, window: ClosedRange<Date>, step: Int) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Start 65 minutes early: a fall-back repeats at most the last hour's readings.
        let first = Int(window.lowerBound.timeIntervalSince1970) / step * step - 65 * 60
        let last = Int(window.upperBound.timeIntervalSince1970)
        var latestSeen = Int.min
        var fires: [Date] = []
        for seconds in stride(from: first, through: last, by: step) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            let reading = ((((parts.year! * 100 + parts.month!) * 100 + parts.day!) * 100 + parts.hour!) * 100
                + parts.minute!) * 100 + parts.second!
            defer { latestSeen = max(latestSeen, reading) }
            guard reading > latestSeen, window.contains(date), spec.matches(parts) else { continue }
            fires.append(date)
        }
        return fires
    }
}

/// A random cron expression as text plus the values each field must match, built without the parser.
struct CronSpec {
    var seconds: Set<Int> = [0]
    var minutes: Set<Int> = []
    var hours: Set<Int> = []
    var daysOfMonth: Set<Int> = []
    var months: Set<Int> = []
    var daysOfWeek: Set<Int> = []
    var isDayOfWeekStar = true
    var text = ""

    private static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let dayNames = ["sun", "Mon", "TUE", "wed", "Thu", "FRI", "sat"]

    var canFire: Bool {
        let restrictsDay = daysOfMonth != Set(1...31)
        guard restrictsDay, isDayOfWeekStar else { return true }
        let longest = months.map { [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][$0 - 1] }
        return daysOfMonth.contains { day in longest.contains { day <= $0 } }
    }

    func matches(_ parts: DateComponents) -> Bool {
        guard seconds.contains(parts.second!), minutes.contains(parts.minute!), hours.contains(parts.hour!),
            months.contains(parts.month!)
        else { return false }
        let dayOfMonthMatches = daysOfMonth.contains(parts.day!)
        let dayOfWeekMatches = daysOfWeek.contains(parts.weekday! - 1)
        switch (daysOfMonth != Set(1...31), !isDayOfWeekStar) {
        case (true, true): return dayOfMonthMatches || dayOfWeekMatches
        case (true, false): return dayOfMonthMatches
        case (false, true): return dayOfWeekMatches
        case (false, false): return true
        }
    }

    static func random(withSeconds: Bool, using random: inout SeededGenerator) -> CronSpec {
        var spec = CronSpec()
        var pieces: [String] = []
        if withSeconds {
            let field = Field.random(0, 59, weights: [star: 2, single: 1, list: 3, range: 1, step: 3], using: &random)
            (spec.seconds, pieces) = (field.values, [field.text])
        }
        let minute = Field.random(0, 59, weights: [star: 1, single: 2, list: 3, range: 2, step: 3], using: &random)
        let hour = Field.random(0, 23, weights: [star: 4, single: 1, list: 2, range: 3, step: 2], using: &random)
        let day = Field.random(1, 31, weights: [star: 16, single: 1, list: 2, range: 2, step: 2], using: &random)
        let month = Field.random(1, 12, weights: [star: 40, single: 1, list: 1, range: 1, step: 1], names: monthNames,
            using: &random)
        let weekday = Field.random(0, 6, weights: [star: 8, single: 2, list: 2, range: 2, step: 1], names: dayNames,
            allowSevenForSunday: true, using: &random)
        spec.minutes = minute.values
        spec.hours = hour.values
        spec.daysOfMonth = day.values
        spec.months = month.values
        spec.daysOfWeek = weekday.values
        spec.isDayOfWeekStar = weekday.text == "*"
        spec.text = (pieces + [minute.text, hour.text, day.text, month.text, weekday.text]).joined(separator: " ")
        return spec
    }

    private static let star = 0, single = 1, list = 2, range = 3, step = 4

    /// One field's text and the values it stands for.
    struct Field {
        var text: String
        var values: Set<Int>

        static func random(
            _ low: Int, _ high: Int, weights: [Int: Int], names: [String] = [], allowSevenForSunday: Bool = false,
            using random: inout SeededGenerator
        ) -> Field {
            /// The value as a number or name; Sunday sometimes as 7, but not in ranges where `0-7` means all week.
            func name(_ value: Int, inRange: Bool = false) -> String {
                if allowSevenForSunday, !inRange, value == 0, Bool.random(using: &random) { return "7" }
                if !names.isEmpty, Int.random(in: 0..<3, using: &random) == 0 { return names[value - low] }
                return String(value)
            }
            /// `first` to `last` walking upward and wrapping from `high` to `low`.
            func walk(_ first: Int, _ last: Int) -> [Int] {
                var values = [first]
                while values.last! != last { values.append(values.last! == high ? low : values.last! + 1) }
                return values
            }
            let total = weights.values.reduce(0, +)
            var pick = Int.random(in: 0..<total, using: &random)
            var kind = 0
            for candidate in 0...4 {
                pick -= weights[candidate] ?? 0
                if pick < 0 { kind = candidate; break }
            }
            let value = { (random: inout SeededGenerator) in Int.random(in: low...high, using: &random) }
            switch kind {
            case CronSpec.star:
                return Field(text: "*", values: Set(low...high))
            case CronSpec.single:
                let v = value(&random)
                return Field(text: name(v), values: [v])
            case CronSpec.list:
                let chosen = Set((0..<Int.random(in: 2...4, using: &random)).map { _ in value(&random) })
                return Field(text: chosen.shuffled(using: &random).map { name($0) }.joined(separator: ","), values: chosen)
            case CronSpec.range:
                let (a, b) = (value(&random), value(&random))
                return Field(text: "\(name(a, inRange: true))-\(name(b, inRange: true))", values: Set(walk(a, b)))
            default:
                let stride = Int.random(in: 2...max(2, (high - low) / 2), using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    let all = Array(low...high)
                    return Field(text: "*/\(stride)", values: Set(all.enumerated().filter { $0.offset % stride == 0 }.map(\.element)))
                case 1:
                    let (a, b) = (value(&random), value(&random))
                    let walked = walk(a, b)
                    return Field(text: "\(name(a, inRange: true))-\(name(b, inRange: true))/\(stride)",
                        values: Set(walked.enumerated().filter { $0.offset % stride == 0 }.map(\.element)))
                default:
                    let a = value(&random)
                    return Field(text: "\(name(a, inRange: true))/\(stride)", values: Set(Swift.stride(from: a, through: high, by: stride)))
                }
            }
        }
    }
}

/// SplitMix64: a small, seedable generator so every run draws the same cases.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
