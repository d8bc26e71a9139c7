/// One metric's verdict: its level, the value judged, and one line saying why.
public struct Alert: Sendable, Hashable {
    public var metric: AlertMetric
    public var level: AlertLevel
    /// The value judged: seconds or a count.
    public var value: Double
    /// What breached, briefly, for the header: `default waits 17m`, `612 failed/1h`.
    public var summary: String

    public init(metric: AlertMetric, level: AlertLevel, value: Double, summary: String) {
        self.metric = metric
        self.level = level
        self.value = value
        self.summary = summary
    }

    /// The summary with the limit it reached: `default waits 17m (critical at 15m)`.
    public func reason(_ limit: AlertLimit) -> String {
        let reached: Double?? = level == .critical ? limit.critical : level == .warning ? limit.warning : nil
        guard let reached = reached ?? nil else { return summary }
        let text = metric.isDuration ? AlertLimit.durationText(reached) : String(Int(reached))
        return "\(summary) (\(level == .critical ? "critical" : "warning") at \(text))"
    }
}
