import GafferCore
import GafferEngine

/// Syncs one publication's daily metrics. Rate limits are retried (30 s apart, 5 attempts);
/// a publication whose row is bad is discarded.
///
/// Throttled to 2 starts per second, as the original (GoodJob's `perform_throttle`).
public struct SocialMediaPublicationDailySyncJob: Job {
    public static let className = "SocialMediaPublicationDailySyncJob"
    public static let queueName = "publications"
    public static let retryRules = [RateLimitError.retryRule]
    public static let discardRules = [DiscardRule(on: InvalidRecordError.self)]
    /// The original's `good_job_control_concurrency_with(perform_throttle: [2, 1.second])`, keyed by class name.
    public static var concurrency: ConcurrencyRules? { ConcurrencyRules([.keyed(performThrottle: Throttle(2, per: 1))]) }

    public let publicationID: Int

    public init(publicationID: Int) {
        self.publicationID = publicationID
    }

    public init(arguments: JobArguments) throws {
        publicationID = try arguments.positional(0, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(publicationID))] }

    public func perform(_ context: JobContext) async throws {
        try await PublicationSync.sync(publicationID, source: "daily_sync", context: context)
    }
}
