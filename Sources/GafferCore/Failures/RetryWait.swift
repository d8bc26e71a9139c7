/// How long a retry rule waits before the next attempt (Active Job's `wait:` option).
public enum RetryWait: Sendable, Hashable {
    /// A fixed number of seconds, plus jitter.
    case fixed(seconds: Double)
    /// `n⁴ + 2` seconds plus jitter on `n⁴`, for the rule's `n`th catch: ≈3 s, 18 s, 83 s, 258 s, …
    case polynomiallyLonger
    /// Rails < 7.1's name for `polynomiallyLonger` (the same formula; Rails 8 removed the name).
    case exponentiallyLonger

    /// Active Job's default: 3 seconds.
    public static let `default` = RetryWait.fixed(seconds: 3)

    /// The delay in seconds before attempt `executions + 1`, as Active Job's `determine_delay`.
    ///
    /// - Parameters:
    ///   - executions: how many times this rule has caught the error, including this time (≥ 1).
    ///   - jitterUnit: a random number in 0..<1 supplied by the caller (Ruby's `Kernel.rand`).
    ///   - jitter: the largest extra wait as a fraction of the base delay (Active Job's `retry_jitter`).
    public func delay(executions: Int, jitterUnit: Double, jitter: Double = 0.15) -> Double {
        switch self {
        case .fixed(let seconds):
            return seconds + Self.jitter(for: seconds, unit: jitterUnit, fraction: jitter)
        case .polynomiallyLonger, .exponentiallyLonger:
            let base = Double(executions) * Double(executions) * Double(executions) * Double(executions)
            return base + Self.jitter(for: base, unit: jitterUnit, fraction: jitter) + 2
        }
    }

    private static func jitter(for delay: Double, unit: Double, fraction: Double) -> Double {
        fraction == 0 ? 0 : unit * delay * fraction
    }
}
