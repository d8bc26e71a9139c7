import Foundation
import GafferCore
import GafferEngine

/// Generates one comment's embedding (here: a small deterministic vector standing in for the AI call).
public struct GenerateMediaCommentEmbeddingJob: Job {
    public static let className = "GenerateMediaCommentEmbeddingJob"
    public static let queueName = "comments"
    static let dimensions = 8

    public let commentID: Int

    public init(commentID: Int) {
        self.commentID = commentID
    }

    public init(arguments: JobArguments) throws {
        commentID = try arguments.positional(0, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(commentID))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        guard let body: String = try await db.query(
            "SELECT body FROM gaffer_demo.media_comments WHERE id = $1", [commentID]).first?.decode("body")
        else { return }  // the comment was deleted meanwhile: nothing to embed
        try await Task.sleep(for: .milliseconds(30 + body.count))  // the model's latency
        var random = DemoRandom(body, commentID)
        let vector = (0..<Self.dimensions).map { _ in String(format: "%.4f", random.unit() * 2 - 1) }
        try await db.query("UPDATE gaffer_demo.media_comments SET embedding = $2::real[] WHERE id = $1",
                           [commentID, "{" + vector.joined(separator: ",") + "}"])
    }
}
