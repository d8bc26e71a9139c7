import GafferCore
import GafferEngine

/// Imports up to 300 TikTok comments, skipping the duplicates TikTok's overlapping pages return,
/// records the publication's history, and queues a reply import for comments that have replies.
///
/// Throttled to 2 starts per second, like the publication syncs.
public struct CreateMediaCommentsAndPublicationHistoryForTiktokJob: Job {
    public static let className = "CreateMediaCommentsAndPublicationHistoryForTiktokJob"
    public static let queueName = "comments"
    public static let retryRules = [RateLimitError.retryRule]
    public static let discardRules = [DiscardRule(on: MediaRemovedError.self)]
    /// The original's `good_job_control_concurrency_with(perform_throttle: [2, 1.second])`, keyed by class name.
    public static var concurrency: ConcurrencyRules? { ConcurrencyRules([.keyed(performThrottle: Throttle(2, per: 1))]) }
    static let limit = 300
    static let pageSize = 50

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
        let api = SocialMediaAPI(platform: .tiktok, attempt: context.attempt)
        var seen = Set<String>()
        var fetched: [SocialMediaAPI.Comment] = []
        var duplicates = 0
        var cursor: Int?
        repeat {
            let page = try await api.comments(publicationID: publicationID, cursor: cursor, pageSize: Self.pageSize)
            for comment in page.comments {
                if seen.insert(comment.externalID).inserted { fetched.append(comment) } else { duplicates += 1 }
            }
            cursor = page.nextCursor
        } while cursor != nil && fetched.count < Self.limit
        let comments = Array(fetched.prefix(Self.limit))
        _ = try await CommentStore.insert(comments, publicationID: publicationID, on: db)
        try await CommentStore.recordHistory(publicationID: publicationID, source: "tiktok_comments", on: db)
        let withReplies = comments.filter { $0.replyCount > 0 }.prefix(3)
        try await context.client.enqueueAll(withReplies.map {
            CreateMediaCommentsFromReplyForTikTokJob(publicationID: publicationID, commentID: $0.externalID)
        })
        if duplicates > 0 {
            context.logger.info("\(Self.className): publication \(publicationID): skipped \(duplicates) duplicate comment(s)")
        }
    }
}
