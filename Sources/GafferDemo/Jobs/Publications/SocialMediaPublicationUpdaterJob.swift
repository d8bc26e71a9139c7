import GafferCore
import GafferEngine

/// The batch alternative to the daily fan-out: syncs every due publication inside one job.
///
/// Only one of this and `SocialMediaPublicationsDailyUpdaterJob` should be scheduled; its cron
/// entry is disabled by default. One rate limit fails the whole batch, which is why the original
/// moved to the fan-out.
public struct SocialMediaPublicationUpdaterJob: Job {
    public static let className = "SocialMediaPublicationUpdaterJob"
    public static let retryRules = [RateLimitError.retryRule]

    public init() {}
    public init(arguments: JobArguments) throws {}
    public var arguments: JobArguments { [] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        let due = try await db.query("""
            SELECT id FROM gaffer_demo.social_media_publications
            WHERE daily_synced_at IS NULL OR daily_synced_at < now() - interval '20 hours' ORDER BY id
            """)
        var skipped = 0
        for row in due {
            do {
                try await PublicationSync.sync(try row.decode("id"), source: "batch_update", context: context)
            } catch is InvalidRecordError {
                skipped += 1
            }
        }
        context.logger.info("\(Self.className): synced \(due.count - skipped) publication(s), skipped \(skipped) bad row(s)")
    }
}
