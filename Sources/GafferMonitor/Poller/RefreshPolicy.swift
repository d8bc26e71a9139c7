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

    /// The slow panes' queries may take this share of the time between their refreshes, at most.
    public static let slowPaneShare = 0.05

    /// The share for the failures query alone: with exact counts on it reads every unfinished row (no GoodJob
    /// index covers those carrying an error), so on a large backlog it can be the dearest query; estimated, it
    /// reads at most `MonitorLimits.exactCountCap` + 1 of them and runs every `slowPaneSeconds`.
    public static let failuresShare = 0.01

    /// Seconds until the slow panes are re-read after reads that took `queryTime`: every `slowPaneSeconds`
    /// (or the interval, if longer) while they are cheap, and never more than `slowPaneShare` of the time,
    /// so their cost stays bounded when the tables grow (the pane shows its age).
    public static func slowPaneDelay(interval: Double, queryTime: Double, share: Double = slowPaneShare) -> Double {
        min(max(slowPaneSeconds, interval, queryTime / share), 10 * maxDelay)
    }

    /// The interval after one `+` (slower) or `-` (faster) press.
    public static func stepped(_ interval: Double, slower: Bool) -> Double {
        let steps: [Double] = [0.25, 0.5, 1, 2, 5, 10, 30, 60]
        if slower { return steps.first { $0 > interval + 0.001 } ?? intervalRange.upperBound }
        return steps.last { $0 < interval - 0.001 } ?? intervalRange.lowerBound
    }
}
