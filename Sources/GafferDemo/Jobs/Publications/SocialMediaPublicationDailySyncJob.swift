import GafferCore
import GafferEngine

/// Syncs one publication's daily metrics. Rate limits are retried (30 s apart, 5 attempts);
/// a publication whose row is bad is discarded.
///
/// The original throttles this job to 2 per second with GoodJob's concurrency control
/// (`good_job_control_concurrency_with perform_throttle: [2, 1.second]`). Its rows carry the
/// concurrency key (the class name) so the monitor shows them together.
/// TODO(lead): declare `perform_throttle: [2, 1 s]` here once the engine's limits land (issue: limits).
public struct SocialMediaPublicationDailySyncJob: Job {
    public static let className = "SocialMediaPublicationDailySyncJob"
    public static let queueName = "publications"
    public static let retryRules = [RateLimitError.retryRule]
    public static let discardRules = [DiscardRule(on: InvalidRecordError.self)]
    /// The original's throttle: at most this many starts per second.
    public static let throttlePerSecond = 2

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
