/// Row caps of the monitor queries: every list is bounded, whatever the table size.
public enum MonitorLimits {
    /// Discarded rows counted per refresh (newest first, from the discarded index); beyond it counts show "≥".
    public static let discardedCap = 10_000
    /// Unfinished rows counted exactly; above it queue counts are estimated from `countSample` rows.
    public static let exactCountCap = 10_000
    /// Unfinished rows read to estimate queue counts above `exactCountCap` (error about 1/√n of the total: 3 %).
    public static let countSample = 1_000
    public static let runningJobs = 200
    public static let queues = 500
    public static let processes = 100
    public static let failureGroups = 100
    public static let cronEntries = 200
    public static let concurrencyKeys = 100
    public static let attempts = 25
    public static let batches = 50
}
