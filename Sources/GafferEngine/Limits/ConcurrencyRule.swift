import GafferStore

/// One GoodJob concurrency rule: which rows it counts, and its limits at enqueue and at perform.
///
/// Limits follow GoodJob: `totalLimit` caps unfinished rows at enqueue and running rows at
/// perform (where `performLimit` wins when both are set); `enqueueLimit` caps rows waiting to
/// run; throttles cap enqueues or starts per sliding period.
public struct ConcurrencyRule: Sendable, Hashable, CustomStringConvertible {
    public enum Scope: Sendable, Hashable {
        /// Rows sharing the job's `concurrency_key` (GoodJob's `good_job_control_concurrency_with`).
        case concurrencyKey
        /// Rows whose labels contain `label`, locked on `lockKey` or `label:<label>`
        /// (GoodJob's `good_job_concurrency_rule(label:, key:)`); jobs without the label are not limited.
        case label(String, lockKey: String?)
    }

    public var scope: Scope
    public var totalLimit: Int?
    public var enqueueLimit: Int?
    public var performLimit: Int?
    public var enqueueThrottle: Throttle?
    public var performThrottle: Throttle?

    public init(scope: Scope, totalLimit: Int? = nil, enqueueLimit: Int? = nil, performLimit: Int? = nil,
                enqueueThrottle: Throttle? = nil, performThrottle: Throttle? = nil) {
        self.scope = scope
        self.totalLimit = totalLimit
        self.enqueueLimit = enqueueLimit
        self.performLimit = performLimit
        self.enqueueThrottle = enqueueThrottle
        self.performThrottle = performThrottle
    }

    /// Limits on rows sharing the job's concurrency key.
    public static func keyed(totalLimit: Int? = nil, enqueueLimit: Int? = nil, performLimit: Int? = nil,
                             enqueueThrottle: Throttle? = nil, performThrottle: Throttle? = nil) -> ConcurrencyRule {
        ConcurrencyRule(scope: .concurrencyKey, totalLimit: totalLimit, enqueueLimit: enqueueLimit,
                        performLimit: performLimit, enqueueThrottle: enqueueThrottle, performThrottle: performThrottle)
    }

    /// Limits on every row carrying `label`, whatever its class.
    public static func label(_ label: String, key: String? = nil, totalLimit: Int? = nil, enqueueLimit: Int? = nil,
                             performLimit: Int? = nil, enqueueThrottle: Throttle? = nil,
                             performThrottle: Throttle? = nil) -> ConcurrencyRule {
        ConcurrencyRule(scope: .label(label, lockKey: key), totalLimit: totalLimit, enqueueLimit: enqueueLimit,
                        performLimit: performLimit, enqueueThrottle: enqueueThrottle, performThrottle: performThrottle)
    }

    /// The limit checked at enqueue, and whether it counts only waiting rows (`enqueue_limit`) or all unfinished ones.
    var enqueueCap: (limit: Int, waitingOnly: Bool)? {
        if let enqueueLimit, enqueueLimit >= 0 { return (enqueueLimit, true) }
        if let totalLimit, totalLimit >= 0 { return (totalLimit, false) }
        return nil
    }

    /// The limit on running rows.
    var runningCap: Int? {
        if let performLimit, performLimit >= 0 { return performLimit }
        if let totalLimit, totalLimit >= 0 { return totalLimit }
        return nil
    }

    var hasEnqueueStage: Bool { enqueueCap != nil || enqueueThrottle != nil }
    var hasPerformStage: Bool { runningCap != nil || performThrottle != nil }

    /// The label of a label rule.
    var label: String? {
        if case .label(let label, _) = scope { return label }
        return nil
    }

    /// The scope for a job with this concurrency key and these labels, or nil when the rule does not apply to it.
    func scope(concurrencyKey: String?, labels: [String]) -> ConcurrencyScope? {
        switch scope {
        case .concurrencyKey:
            return concurrencyKey.map(ConcurrencyScope.key)
        case .label(let label, let lockKey):
            return labels.contains(label) ? .label(label, lockKey: lockKey) : nil
        }
    }

    /// The rule as GoodJob users write it, e.g. `perform_limit: 1, perform_throttle: [2, 1s]`.
    public var description: String {
        var parts: [String] = []
        if case .label(let label, let key) = scope {
            parts.append("label: \(label)")
            if let key { parts.append("key: \(key)") }
        }
        if let totalLimit { parts.append("total_limit: \(totalLimit)") }
        if let enqueueLimit { parts.append("enqueue_limit: \(enqueueLimit)") }
        if let performLimit { parts.append("perform_limit: \(performLimit)") }
        if let enqueueThrottle { parts.append("enqueue_throttle: \(enqueueThrottle)") }
        if let performThrottle { parts.append("perform_throttle: \(performThrottle)") }
        return parts.joined(separator: ", ")
    }
}
