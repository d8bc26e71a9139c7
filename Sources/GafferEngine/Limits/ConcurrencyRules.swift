import GafferCore

/// A job type's concurrency controls: how its `concurrency_key` is chosen, and its rules in order.
///
/// ```swift
/// static var concurrency: ConcurrencyRules? {
///     ConcurrencyRules([.keyed(performThrottle: Throttle(2, per: 1))])
/// }
/// ```
/// Rules are checked in order and the first one exceeded decides, as in GoodJob.
public struct ConcurrencyRules: Sendable {
    public var key: ConcurrencyKey
    public var rules: [ConcurrencyRule]

    public init(key: ConcurrencyKey = .className, _ rules: [ConcurrencyRule]) {
        self.key = key
        self.rules = rules
    }

    var hasEnqueueStage: Bool { rules.contains(where: \.hasEnqueueStage) }
    var performRules: [ConcurrencyRule] { rules.filter(\.hasPerformStage) }
}
