import GafferCore
import GafferEngine

/// Imports the replies to one TikTok comment (the original's TikapiCommentReplyService).
public struct CreateMediaCommentsFromReplyForTikTokJob: Job {
    public static let className = "CreateMediaCommentsFromReplyForTikTokJob"
    public static let queueName = "comments"
    public static let retryRules = [RateLimitError.retryRule]

    public let publicationID: Int
    public let commentID: String

    public init(publicationID: Int, commentID: String) {
        self.publicationID = publicationID
        self.commentID = commentID
    }

    public init(arguments: JobArguments) throws {
        publicationID = try arguments.positional(0, as: Int.self)
        commentID = try arguments.positional(1, as: String.self)
    }

    public var arguments: JobArguments { [.int(Int64(publicationID)), .string(commentID)] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        let replies = try await SocialMediaAPI(platform: .tiktok, attempt: context.attempt)
            .replies(publicationID: publicationID, to: commentID)
        _ = try await CommentStore.insert(replies, publicationID: publicationID, parent: commentID, on: db)
    }
}
