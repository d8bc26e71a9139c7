/// A limit that does not read: names the metric's option, the text and what is accepted.
public struct AlertLimitError: Error, Hashable, Sendable, CustomStringConvertible {
    public var metric: AlertMetric
    public var text: String
    /// The critical level is below the warning level.
    public var isInverted = false

    public init(metric: AlertMetric, text: String, isInverted: Bool = false) {
        self.metric = metric
        self.text = text
        self.isInverted = isInverted
    }

    /// The fix, without naming where the text came from (a flag or a config line adds that).
    public var accepted: String {
        let example = metric.defaultLimit.text(for: metric)
        if isInverted { return "the critical level must not be below the warning level, e.g. \(example)" }
        let what = metric.isDuration ? "a time like 90s, 5m or 1h" : "a whole number of failures per hour"
        return "give \(what), then optionally a comma and the critical level (e.g. \(example)), or off"
    }

    public var description: String { "--\(metric.option) \"\(text)\": \(accepted)" }
}
