import GafferCore
import GafferEngine

/// Cron `0 3 * * *`: finds publications due for their daily sync and fans out one
/// `SocialMediaPublicationDailySyncJob` each, so one bad post never holds up the rest.
public struct SocialMediaPublicationsDailyUpdaterJob: Job {
    public static let className = "SocialMediaPublicationsDailyUpdaterJob"

    public init() {}
    public init(arguments: JobArguments) throws {}
    public var arguments: JobArguments { [] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        let due = try await db.query("""
            SELECT id FROM gaffer_demo.social_media_publications
            WHERE daily_synced_at IS NULL OR daily_synced_at < now() - interval '20 hours'
            ORDER BY id
            """)
        let jobs = try due.map { SocialMediaPublicationDailySyncJob(publicationID: try $0.decode("id")) }
        try await context.client.enqueueAll(jobs)  // each carries its throttle's concurrency key
        context.logger.info("\(Self.className): \(jobs.count) publication(s) due; one sync job each")
    }
}
