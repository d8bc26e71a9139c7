/// Ready rows of one job class that the same concurrency rules govern: one `concurrency_key`
/// and the same subset of the class's rule labels.
///
/// Rows of a group are claimed together under the advisory locks of their rules' scopes, so a
/// limit is counted and filled in one step.
public struct ClaimGroup: Sendable, Hashable {
    public let jobClass: String
    public let concurrencyKey: String?
    /// The class's rule labels these rows carry, in the order the rules list them.
    public let labels: [String]
    /// Ready rows of the group among the rows looked at.
    public let ready: Int

    public init(jobClass: String, concurrencyKey: String?, labels: [String], ready: Int) {
        self.jobClass = jobClass
        self.concurrencyKey = concurrencyKey
        self.labels = labels
        self.ready = ready
    }
}
