import Foundation

/// An enqueue refused because a concurrency limit or throttle is reached (GoodJob aborts the enqueue).
public struct ConcurrencyLimitExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Control: String, Sendable, Hashable {
        case totalLimit = "total_limit"
        case enqueueLimit = "enqueue_limit"
        case enqueueThrottle = "enqueue_throttle"
    }

    public let control: Control
    public let jobClass: String
    /// The scope's key: the concurrency key, or a label rule's lock key.
    public let key: String
    /// Rows the control counted before this enqueue.
    public let count: Int
    /// Rows this enqueue would have added to the scope.
    public let adding: Int
    public let limit: Int
    /// The throttle period in seconds, for `enqueueThrottle`.
    public let period: TimeInterval?

    public var description: String {
        let counted = switch control {
        case .totalLimit: "\(count) unfinished \(count == 1 ? "job" : "jobs")"
        case .enqueueLimit: "\(count) waiting \(count == 1 ? "job" : "jobs")"
        case .enqueueThrottle: "\(count) enqueued in the last \(Throttle.durationText(period ?? 0))"
        }
        let setting = control == .enqueueThrottle
            ? "\(control.rawValue) [\(limit), \(Throttle.durationText(period ?? 0))]" : "\(control.rawValue) \(limit)"
        let what = adding == 1 ? jobClass : "\(adding) \(jobClass) jobs"
        return "cannot enqueue \(what): concurrency key \"\(key)\" already has \(counted) (\(setting)); "
            + "enqueue later or raise the limit"
    }
}
