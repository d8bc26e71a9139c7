import Foundation
import GafferEngine
import Postgres

/// The sync every publication job shares: fetch metrics, store them with a history row, and
/// queue the comment import when the post has new comments.
enum PublicationSync {
    /// Syncs one publication; `source` names the job in the history row.
    static func sync(_ publicationID: Int, source: String, context: JobContext) async throws {
        let db = try await context.database()
        guard let row = try await db.query("""
            SELECT platform, url, comments_count FROM gaffer_demo.social_media_publications WHERE id = $1
            """, [publicationID]).first
        else {
            throw InvalidRecordError(table: "social_media_publications", id: publicationID, problem: "no such row")
        }
        let url: String = try row.decode("url")
        guard isValidURL(url) else {
            throw InvalidRecordError(table: "social_media_publications", id: publicationID,
                                     problem: "URL \"\(url)\" is not a post link; fix it in the campaign sheet")
        }
        let platform = Platform(rawValue: try row.decode("platform")) ?? .instagram
        let api = SocialMediaAPI(platform: platform, attempt: context.attempt)
        let metrics = try await api.publicationMetrics(publicationID: publicationID)
        try await db.query("""
            WITH updated AS (
              UPDATE gaffer_demo.social_media_publications
              SET likes = $2, views = $3, comments_count = $4, synced_at = now(), daily_synced_at = now()
              WHERE id = $1 RETURNING id)
            INSERT INTO gaffer_demo.publication_histories (publication_id, likes, views, comments_count, source)
            SELECT id, $2, $3, $4, $5 FROM updated
            """, [publicationID, metrics.likes, metrics.views, metrics.comments, source])
        let previous: Int = try row.decode("comments_count")
        guard metrics.comments > previous else { return }
        switch platform {
        case .instagram:
            try await context.client.enqueue(CreateMediaCommentsAndPublicationHistoryForInstagramJob(publicationID: publicationID))
        case .tiktok:
            try await context.client.enqueue(CreateMediaCommentsAndPublicationHistoryForTiktokJob(publicationID: publicationID))
        }
    }

    static func isValidURL(_ text: String) -> Bool {
        guard let url = URL(string: text), url.scheme == "https", let host = url.host, host.contains(".") else {
            return false
        }
        return url.path.count > 1
    }
}
