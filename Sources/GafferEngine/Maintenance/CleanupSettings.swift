/// GoodJob's automatic clean-up of preserved jobs (contract §9).
public struct CleanupSettings: Sendable, Equatable {
    public var beforeSecondsAgo: Double = 1_209_600
    public var includeDiscarded = true
    /// Clean after more than this many attempts since the last clean-up; -1 after every job; nil off.
    public var intervalJobs: Int? = 1000
    /// Clean when the last clean-up is older than this; -1 after every job; nil off.
    public var intervalSeconds: Double? = 600

    public init(beforeSecondsAgo: Double = 1_209_600, includeDiscarded: Bool = true, intervalJobs: Int? = 1000,
                intervalSeconds: Double? = 600) {
        self.beforeSecondsAgo = beforeSecondsAgo
        self.includeDiscarded = includeDiscarded
        self.intervalJobs = intervalJobs
        self.intervalSeconds = intervalSeconds
    }
}
