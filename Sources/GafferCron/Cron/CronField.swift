/// One of the six positions of a cron expression, with its accepted values.
public enum CronField: String, Sendable, Hashable, CaseIterable {
    case second
    case minute
    case hour
    case dayOfMonth = "day-of-month"
    case month
    case dayOfWeek = "day-of-week"

    /// The name used in error messages ("minute", "day-of-month").
    public var name: String { rawValue }

    /// Smallest value accepted in the text.
    var minimum: Int {
        switch self {
        case .second, .minute, .hour, .dayOfWeek: 0
        case .dayOfMonth, .month: 1
        }
    }

    /// Largest value accepted in the text (day-of-week accepts 7 for Sunday).
    var maximum: Int {
        switch self {
        case .second, .minute: 59
        case .hour: 23
        case .dayOfMonth: 31
        case .month: 12
        case .dayOfWeek: 7
        }
    }

    /// Number of distinct values; ranges that wrap around (`22-2`) cycle by this length.
    var cycleLength: Int { self == .dayOfWeek ? 7 : maximum - minimum + 1 }

    /// Largest value after normalisation (day-of-week 7 becomes 0).
    var normalizedMaximum: Int { self == .dayOfWeek ? 6 : maximum }

    /// Three-letter names accepted case-insensitively, indexed from `minimum`.
    var names: [String] {
        switch self {
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: []
        }
    }

    /// The accepted values as written in error messages, e.g. `0-59` or `1-12 or JAN-DEC`.
    var acceptedText: String {
        let numbers = "\(minimum)-\(maximum)"
        guard let first = names.first, let last = names.last else { return numbers }
        return "\(numbers) or \(first)-\(last)"
    }

    /// Maps a value in the text to the value matched (day-of-week 7 is Sunday, 0).
    func normalize(_ value: Int) -> Int {
        self == .dayOfWeek && value == 7 ? 0 : value
    }
}
