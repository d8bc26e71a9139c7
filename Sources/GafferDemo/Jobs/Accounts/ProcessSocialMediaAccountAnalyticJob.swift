import GafferCore
import GafferEngine

/// Fetches an account's comments and clusters them by topic for the analytics page.
public struct ProcessSocialMediaAccountAnalyticJob: Job {
    public static let className = "ProcessSocialMediaAccountAnalyticJob"
    public static let queueName = "accounts"
    public static let retryRules = [RateLimitError.retryRule]

    static let topics: [(name: String, words: [String])] = [
        ("purchase_intent", ["buy", "link", "sale", "need"]),
        ("brand", ["aurora", "nimbus", "sponsored", "collab"]),
        ("praise", ["love", "great", "🔥", "comfy", "never disappoints"]),
        ("music", ["song"]),
    ]

    public let accountID: Int

    public init(accountID: Int) {
        self.accountID = accountID
    }

    public init(arguments: JobArguments) throws {
        accountID = try arguments.positional(0, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(accountID))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        let bodies = try await db.query("""
            SELECT c.body FROM gaffer_demo.media_comments c
            JOIN gaffer_demo.social_media_publications p ON p.id = c.publication_id
            WHERE p.account_id = $1
            """, [accountID]).map { try $0.decode("body", as: String.self).lowercased() }
        var clusters: [(String, JSONValue)] = []
        for topic in Self.topics {
            let count = bodies.filter { body in topic.words.contains { body.contains($0) } }.count
            clusters.append((topic.name, .int(Int64(count))))
        }
        clusters.append(("total", .int(Int64(bodies.count))))
        let json = JSONValue.object(JSONObject(clusters.map { JSONObject.Entry(key: $0.0, value: $0.1) }))
        try await db.query("""
            INSERT INTO gaffer_demo.account_analytics (account_id, clusters, computed_at) VALUES ($1, $2::jsonb, now())
            ON CONFLICT (account_id) DO UPDATE SET clusters = excluded.clusters, computed_at = excluded.computed_at
            """, [accountID, json.serialized()])
    }
}
