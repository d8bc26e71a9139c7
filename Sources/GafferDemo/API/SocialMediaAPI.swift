import Foundation

/// A simulated social-media API: network latency, occasional rate limits, removed posts and
/// unknown accounts.
///
/// Every answer is a function of (endpoint, record id, attempt), so a run of the demo behaves the
/// same on every machine: a call rate-limited on attempt 1 may pass on attempt 2, a removed post
/// stays removed.
public struct SocialMediaAPI: Sendable {
    public struct PublicationMetrics: Sendable {
        public let likes: Int
        public let views: Int
        public let comments: Int
    }

    public struct AccountProfile: Sendable {
        public let followers: Int
        public let posts: Int
    }

    public struct Comment: Sendable {
        public let externalID: String
        public let author: String
        public let body: String
        public let replyCount: Int
    }

    public struct CommentPage: Sendable {
        public let comments: [Comment]
        /// Where the next page starts; nil on the last page.
        public let nextCursor: Int?
    }

    public let platform: Platform
    /// The job's attempt number (1 for the first).
    public let attempt: Int

    public init(platform: Platform, attempt: Int) {
        self.platform = platform
        self.attempt = attempt
    }

    public func publicationMetrics(publicationID: Int) async throws -> PublicationMetrics {
        try await call("media/\(publicationID)", id: publicationID, rateLimitChance: firstTwoAttempts(0.18))
        var random = DemoRandom("metrics", publicationID, Self.day)
        let views = random.int(in: 500...250_000)
        return PublicationMetrics(likes: views / random.int(in: 8...40), views: views,
                                  comments: min(Self.commentCount(publicationID), random.int(in: 0...400)))
    }

    public func profile(accountID: Int, handle: String) async throws -> AccountProfile {
        try await call("users/\(handle)", id: accountID, rateLimitChance: firstTwoAttempts(0.18))
        guard !handle.hasPrefix("deleted_") else { throw AccountNotFoundError(platform: platform, handle: handle) }
        var random = DemoRandom("profile", accountID, Self.day)
        return AccountProfile(followers: random.int(in: 1_000...2_000_000), posts: random.int(in: 10...900))
    }

    /// One page of a post's comments, starting at `cursor`. TikTok pages overlap by two comments,
    /// as its real API does when comments arrive while paging: callers must skip duplicates.
    public func comments(publicationID: Int, cursor: Int?, pageSize: Int) async throws -> CommentPage {
        let start = cursor ?? 0
        try await call("media/\(publicationID)/comments?after=\(start)", id: publicationID * 1000 + start,
                       rateLimitChance: firstTwoAttempts(0.12))
        guard !Self.isRemoved(publicationID) else {
            throw MediaRemovedError(platform: platform, publicationID: publicationID)
        }
        let total = Self.commentCount(publicationID)
        let from = platform == .tiktok ? max(0, start - 2) : start
        let end = min(total, start + pageSize)
        let comments = from < end ? (from..<end).map { comment(publicationID, $0) } : []
        return CommentPage(comments: comments, nextCursor: end < total ? end : nil)
    }

    public func replies(publicationID: Int, to commentID: String) async throws -> [Comment] {
        try await call("comments/\(commentID)/replies", id: publicationID, rateLimitChance: 0.03)
        var random = DemoRandom("replies:\(commentID)", publicationID)
        return (0..<random.int(in: 1...4)).map { n in
            Comment(externalID: "\(commentID)-r\(n)", author: random.pick(Self.authors),
                    body: random.pick(Self.replyBodies), replyCount: 0)
        }
    }

    /// Simulates the round trip, then maybe a 429.
    private func call(_ endpoint: String, id: Int, rateLimitChance: Double) async throws {
        var random = DemoRandom(endpoint, id, attempt)
        try await Task.sleep(for: .milliseconds(random.int(in: 40...260)))
        if random.unit() < rateLimitChance {
            throw RateLimitError(platform: platform, endpoint: endpoint)
        }
    }

    private func firstTwoAttempts(_ chance: Double) -> Double {
        attempt <= 2 ? chance : 0.03
    }

    private func comment(_ publicationID: Int, _ index: Int) -> Comment {
        var random = DemoRandom("comment", publicationID * 1000 + index)
        return Comment(externalID: "\(platform.rawValue)-\(publicationID)-\(index)", author: random.pick(Self.authors),
                       body: random.pick(Self.bodies), replyCount: index % 17 == 3 ? random.int(in: 1...4) : 0)
    }

    static func commentCount(_ publicationID: Int) -> Int {
        var random = DemoRandom("comment-count", publicationID)
        return random.int(in: 0...360)
    }

    /// About one post in thirty has been removed by its author.
    static func isRemoved(_ publicationID: Int) -> Bool {
        publicationID % 29 == 7
    }

    /// Metrics change from day to day, not from call to call.
    static var day: Int { Int(Date().timeIntervalSince1970 / 86_400) }

    static let authors = ["ana.rios", "kai_m", "lucia.v", "tomasz", "mei.lin", "omar.k", "sofia_b", "jules", "noah.p"]
    static let bodies = [
        "Love this! 😍", "Where can I buy the Aurora serum?", "This collab with Nimbus is 🔥",
        "first!", "Aurora never disappoints", "Tried it, not for me tbh", "Link in bio?", "Nimbus shoes are so comfy",
        "great edit", "which song is this?", "Need this in my life", "Is this sponsored by Aurora?",
    ]
    static let replyBodies = ["same!", "agree 100%", "lol", "check their site", "it's on sale now"]
}
