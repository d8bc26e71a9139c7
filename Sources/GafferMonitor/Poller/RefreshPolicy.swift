/// When to refresh next: the chosen interval, stretched when queries are slow or failing.
///
/// A refresh is "slow" when its queries took more than a quarter of the interval (at least
/// 200 ms), the latency guard pgcenter uses; the next one then waits four times the query time,
/// so the monitor never spends more than about a fifth of the database's time on itself.
public enum RefreshPolicy {
    public static let intervalRange: ClosedRange<Double> = 0.25...60
    public static let maxDelay = 60.0
    /// Panes whose queries cost more (processes, failures, cron, limits) refresh about this often.
    public static let slowPaneSeconds = 5.0

    /// The delay before the next refresh and whether it is stretched.
    public static func nextDelay(interval: Double, queryTime: Double) -> (delay: Double, backingOff: Bool) {
        let budget = max(interval * 0.25, 0.2)
        guard queryTime > budget else { return (interval, false) }
        return (min(max(interval, queryTime * 4), maxDelay), true)
    }

    /// The delay after `failures` consecutive failed refreshes: doubling, capped at 5 s (or a longer interval).
    public static func failureDelay(interval: Double, failures: Int) -> Double {
        min(interval * Double(1 << min(failures, 6)), max(interval, 5))
    }

    /// Every how many refreshes the slow panes are re-read.
    public static func slowPaneEvery(interval: Double) -> Int {
        max(1, Int((slowPaneSeconds / interval).rounded()))
    }

    /// The interval after one `+` (slower) or `-` (faster) press.
    public static func stepped(_ interval: Double, slower: Bool) -> Double {
        let steps: [Double] = [0.25, 0.5, 1, 2, 5, 10, 30, 60]
        if slower { return steps.first { $0 > interval + 0.001 } ?? intervalRange.upperBound }
        return steps.last { $0 < interval - 0.001 } ?? intervalRange.lowerBound
    }
}
