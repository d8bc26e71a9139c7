/// GoodJob's automatic clean-up of preserved jobs (contract §9).
struct CleanupSettings: Equatable {
    var beforeSecondsAgo: Double = 1_209_600
    var includeDiscarded = true
    /// Clean after more than this many attempts since the last clean-up; -1 after every job; nil off.
    var intervalJobs: Int? = 1000
    /// Clean when the last clean-up is older than this; -1 after every job; nil off.
    var intervalSeconds: Double? = 600
}
