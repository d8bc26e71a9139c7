import Foundation

/// A GoodJob throttle `[count, period]`: at most `count` per sliding `period` seconds.
public struct Throttle: Sendable, Hashable, CustomStringConvertible {
    public let count: Int
    public let period: TimeInterval

    public init(_ count: Int, per period: TimeInterval) {
        self.count = count
        self.period = period
    }

    /// `[2, 1s]`, `[10, 1m]`, `[100, 1h]`, `[5, 1.5s]`.
    public var description: String { "[\(count), \(Self.durationText(period))]" }

    static func durationText(_ seconds: TimeInterval) -> String {
        for (unit, size) in [("d", 86_400.0), ("h", 3_600.0), ("m", 60.0)] where seconds >= size
            && (seconds / size).rounded() == seconds / size {
            return "\(Int(seconds / size))\(unit)"
        }
        return seconds.rounded() == seconds ? "\(Int(seconds))s" : "\(seconds)s"
    }
}
