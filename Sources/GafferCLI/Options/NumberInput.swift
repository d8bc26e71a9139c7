import GafferCore
import GafferMonitor

/// The accepted range of one numeric input (a flag or a `GOOD_JOB_*` variable), checked where its text
/// is parsed.
///
/// Every later conversion (seconds to a `Duration`, to milliseconds, to a timestamp, to PostgreSQL's
/// `integer`) traps on infinity, NaN or an out-of-range value; nothing outside `range` gets past here.
struct NumberInput: Sendable {
    let range: ClosedRange<Double>
    /// Whole numbers only (counts, priorities).
    var whole = false
    /// What the number counts, e.g. "seconds".
    let unit: String
    /// What special values mean, e.g. "-1 waits for ever".
    var meaning: String?
    let example: String

    /// `text` as a number in range, or a usage error naming `input` (a flag or `NAME=`) and the range.
    func value(_ text: String, input: String) throws(CLIError) -> Double {
        let trimmed = text.trimmingSpaces
        let number = whole ? Int(trimmed).map(Double.init) : Double(trimmed)
        guard let number, number.isFinite, range.contains(number) else { throw CLIError.usage(problem(text, input: input)) }
        return number
    }

    func int(_ text: String, input: String) throws(CLIError) -> Int {
        Int(try value(text, input: input))
    }

    /// The one-line reason `text` is refused, for `input` (`--flag` or `NAME`).
    func problem(_ text: String, input: String) -> String {
        let what = input.hasPrefix("-") ? "\(input) \"\(text)\"" : "\(input)=\"\(text)\""
        return "\(what): \(accepted)"
    }

    /// What is accepted, e.g. "give a number of seconds in -1…31536000 (-1 waits for ever), e.g. 25".
    var accepted: String {
        "give \(whole ? "a whole number" : "a number")\(unit.isEmpty ? "" : " of \(unit)") in \(rangeText)\(meaning.map { " (\($0))" } ?? ""), e.g. \(example)"
    }

    var rangeText: String { "\(Self.format(range.lowerBound))…\(Self.format(range.upperBound))" }

    /// For ArgumentParser's `transform:`, whose error text follows "The value '…' is invalid for '--flag':".
    func doubleTransform(_ flag: String) -> @Sendable (String) throws -> Double {
        let input = self
        return { text in
            do { return try input.value(text, input: flag) } catch { throw Refusal(input: input) }
        }
    }

    func intTransform(_ flag: String) -> @Sendable (String) throws -> Int {
        let input = self
        return { text in
            do { return try input.int(text, input: flag) } catch { throw Refusal(input: input) }
        }
    }

    /// ArgumentParser already names the flag and the value; this says what is accepted.
    struct Refusal: Error, CustomStringConvertible {
        let input: NumberInput
        var description: String { input.accepted }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension NumberInput {
    /// A year: longer waits and intervals are mistakes, and `Duration`s stay far from overflow.
    static let maxSeconds = 31_536_000.0
    /// A century, for ages looking back (clean-up cut-offs) and delays looking forward.
    static let maxAgeSeconds = 3_153_600_000.0

    static let threads = NumberInput(range: Double(PoolSpec.threadRange.lowerBound)...Double(PoolSpec.threadRange.upperBound), whole: true, unit: "threads", example: "5")
    static let pollInterval = NumberInput(range: -1...maxSeconds, unit: "seconds",
                                          meaning: "≤ 0 relies on LISTEN/NOTIFY alone", example: "10")
    static let shutdownTimeout = NumberInput(range: -1...maxSeconds, unit: "seconds", meaning: "-1 waits for ever",
                                             example: "25")
    static let idleTimeout = NumberInput(range: 0...maxSeconds, unit: "seconds", meaning: "0 never", example: "60")
    static let cleanupAge = NumberInput(range: 0...maxAgeSeconds, unit: "seconds", example: "86400")
    static let cleanupIntervalJobs = NumberInput(range: -1...1_000_000_000, whole: true, unit: "jobs",
                                                 meaning: "0 off, -1 after every job", example: "1000")
    static let probePort = NumberInput(range: 0...65535, whole: true, unit: "", meaning: "0 picks a free one",
                                       example: "7001")
    static let cleanupIntervalSeconds = NumberInput(range: -1...maxSeconds, unit: "seconds",
                                                    meaning: "0 off, -1 after every job", example: "600")
    /// PostgreSQL's `integer`, the `priority` column's type.
    static let priority = NumberInput(range: -2_147_483_648...2_147_483_647, whole: true, unit: "",
                                      meaning: "smaller runs first", example: "10")
    static let delay = NumberInput(range: 0...maxAgeSeconds, unit: "seconds", example: "60")
    static let duration = NumberInput(range: 0.001...maxSeconds, unit: "seconds", example: "20")
    static let refreshInterval = NumberInput(range: RefreshPolicy.intervalRange, unit: "seconds", example: "2")
    static let maxCrashes = NumberInput(range: 1...1000, whole: true, unit: "crashes", example: "3")
}
