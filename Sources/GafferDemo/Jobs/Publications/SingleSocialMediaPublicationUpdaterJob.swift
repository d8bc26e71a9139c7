import GafferCore
import GafferEngine

/// Updates one publication now (manual updates, retries); without `force:` a publication synced
/// in the last hour is left alone.
public struct SingleSocialMediaPublicationUpdaterJob: Job {
    public static let className = "SingleSocialMediaPublicationUpdaterJob"
    public static let queueName = "publications"
    public static let retryRules = [RateLimitError.retryRule]
    public static let discardRules = [DiscardRule(on: InvalidRecordError.self)]

    public let publicationID: Int
    public let force: Bool

    public init(publicationID: Int, force: Bool = false) {
        self.publicationID = publicationID
        self.force = force
    }

    public init(arguments: JobArguments) throws {
        publicationID = try arguments.positional(0, as: Int.self)
        force = try arguments.keyword("force", as: Bool?.self) ?? false
    }

    public var arguments: JobArguments {
        JobArguments([.int(Int64(publicationID))], keywords: ["force": .bool(force)])
    }

    public func perform(_ context: JobContext) async throws {
        if !force {
            let db = try await context.database()
            let fresh = try await db.query("""
                SELECT 1 FROM gaffer_demo.social_media_publications
                WHERE id = $1 AND synced_at > now() - interval '1 hour'
                """, [publicationID])
            if !fresh.isEmpty {
                context.logger.info("\(Self.className): publication \(publicationID) synced within the hour; pass force: true to sync anyway")
                return
            }
        }
        try await PublicationSync.sync(publicationID, source: "single_update", context: context)
    }
}
