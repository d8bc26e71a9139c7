/// Every metric's limits: the defaults, then the config file's `[alerts]`, then flags.
public struct AlertThresholds: Sendable, Hashable {
    public var limits: [AlertMetric: AlertLimit]

    public init(_ limits: [AlertMetric: AlertLimit] = [:]) {
        self.limits = limits
    }

    public static let defaults = AlertThresholds()

    /// Every alert off.
    public static let none = AlertThresholds(Dictionary(uniqueKeysWithValues: AlertMetric.allCases.map { ($0, AlertLimit.off) }))

    /// The metric's limit: the one set, or its default.
    public subscript(metric: AlertMetric) -> AlertLimit {
        get { limits[metric] ?? metric.defaultLimit }
        set { limits[metric] = newValue }
    }
}
