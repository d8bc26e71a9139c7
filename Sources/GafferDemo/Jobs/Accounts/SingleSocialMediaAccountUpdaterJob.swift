import GafferCore
import GafferEngine

/// Fetches one account's profile and stores it; optionally queues its media plan's recalculation.
/// Rate limits are retried; unknown or blank handles are discarded.
public struct SingleSocialMediaAccountUpdaterJob: Job {
    public static let className = "SingleSocialMediaAccountUpdaterJob"
    public static let queueName = "accounts"
    public static let retryRules = [RateLimitError.retryRule]
    public static let discardRules = [DiscardRule(on: AccountNotFoundError.self), DiscardRule(on: InvalidRecordError.self)]

    public let accountID: Int
    public let recalculateMetric: Bool

    public init(accountID: Int, recalculateMetric: Bool = false) {
        self.accountID = accountID
        self.recalculateMetric = recalculateMetric
    }

    public init(arguments: JobArguments) throws {
        accountID = try arguments.positional(0, as: Int.self)
        recalculateMetric = try arguments.keyword("recalculate_metric", as: Bool?.self) ?? false
    }

    public var arguments: JobArguments {
        JobArguments([.int(Int64(accountID))], keywords: ["recalculate_metric": .bool(recalculateMetric)])
    }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        guard let row = try await db.query("""
            SELECT platform, handle, media_plan_id FROM gaffer_demo.social_media_accounts WHERE id = $1
            """, [accountID]).first
        else {
            throw InvalidRecordError(table: "social_media_accounts", id: accountID, problem: "no such row")
        }
        let handle: String = try row.decode("handle")
        guard !handle.isEmpty else {
            throw InvalidRecordError(table: "social_media_accounts", id: accountID, problem: "blank handle; set one before syncing")
        }
        let api = SocialMediaAPI(platform: Platform(rawValue: try row.decode("platform")) ?? .instagram, attempt: context.attempt)
        let profile = try await api.profile(accountID: accountID, handle: handle)
        try await db.query("""
            UPDATE gaffer_demo.social_media_accounts SET followers = $2, posts = $3, synced_at = now() WHERE id = $1
            """, [accountID, profile.followers, profile.posts])
        if recalculateMetric, let plan: Int = try row.decode("media_plan_id") {
            try await context.client.enqueue(RecalculateMediaPlanMetricJob(mediaPlanID: plan))
        }
    }
}
