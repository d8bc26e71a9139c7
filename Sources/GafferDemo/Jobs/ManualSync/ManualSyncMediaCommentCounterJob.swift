import GafferCore
import GafferEngine

/// Fixes a publication's comment counter from the stored comments (the original's counter-culture
/// fix) and records the corrected count in its history.
public struct ManualSyncMediaCommentCounterJob: Job {
    public static let className = "ManualSyncMediaCommentCounterJob"
    public static let queueName = "manual_sync_media_comments_counter"

    public let publicationID: Int

    public init(publicationID: Int) {
        self.publicationID = publicationID
    }

    public init(arguments: JobArguments) throws {
        publicationID = try arguments.positional(0, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(publicationID))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("""
            UPDATE gaffer_demo.social_media_publications p
            SET comments_count = (SELECT count(*) FROM gaffer_demo.media_comments c WHERE c.publication_id = p.id)
            WHERE id = $1
            """, [publicationID])
        try await CommentStore.recordHistory(publicationID: publicationID, source: "manual_counter_sync", on: db)
    }
}
