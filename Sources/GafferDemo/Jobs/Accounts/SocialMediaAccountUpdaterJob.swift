import GafferCore
import GafferEngine

/// Cron `0 0 1 1 *`: finds accounts not synced in 24 hours and, 500 at a time, enqueues one
/// `SingleSocialMediaAccountUpdaterJob` each (recalculating media-plan metrics for planned accounts).
public struct SocialMediaAccountUpdaterJob: Job {
    public static let className = "SocialMediaAccountUpdaterJob"
    static let batchSize = 500

    public init() {}
    public init(arguments: JobArguments) throws {}
    public var arguments: JobArguments { [] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        var afterID = 0
        var total = 0
        while true {
            let batch = try await db.query("""
                SELECT id, media_plan_id IS NOT NULL AS planned FROM gaffer_demo.social_media_accounts
                WHERE (synced_at IS NULL OR synced_at < now() - interval '24 hours') AND id > $1
                ORDER BY id LIMIT $2
                """, [afterID, Self.batchSize])
            guard !batch.isEmpty else { break }
            let jobs = try batch.map {
                SingleSocialMediaAccountUpdaterJob(accountID: try $0.decode("id"), recalculateMetric: try $0.decode("planned"))
            }
            try await context.client.enqueueAll(jobs)
            total += jobs.count
            afterID = jobs.last!.accountID
        }
        context.logger.info("\(Self.className): \(total) stale account(s); one updater job each")
    }
}
