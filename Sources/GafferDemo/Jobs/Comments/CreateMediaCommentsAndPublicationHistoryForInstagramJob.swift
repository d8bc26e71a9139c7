import GafferCore
import GafferEngine

/// Imports up to 50 Instagram comments with cursor pagination, records the publication's history,
/// and queues embeddings for the new comments. Rate limits are retried, at most 5 attempts.
public struct CreateMediaCommentsAndPublicationHistoryForInstagramJob: Job {
    public static let className = "CreateMediaCommentsAndPublicationHistoryForInstagramJob"
    public static let queueName = "comments"
    public static let retryRules = [RateLimitError.retryRule]
    public static let discardRules = [DiscardRule(on: MediaRemovedError.self)]
    static let limit = 50
    static let pageSize = 25

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
        let api = SocialMediaAPI(platform: .instagram, attempt: context.attempt)
        var fetched: [SocialMediaAPI.Comment] = []
        var cursor: Int?
        repeat {
            let page = try await api.comments(publicationID: publicationID, cursor: cursor, pageSize: Self.pageSize)
            fetched += page.comments
            cursor = page.nextCursor
        } while cursor != nil && fetched.count < Self.limit
        let newIDs = try await CommentStore.insert(Array(fetched.prefix(Self.limit)), publicationID: publicationID, on: db)
        try await CommentStore.recordHistory(publicationID: publicationID, source: "instagram_comments", on: db)
        try await context.client.enqueueAll(newIDs.prefix(5).map { GenerateMediaCommentEmbeddingJob(commentID: $0) })
    }
}
