import GafferEngine
import Postgres

/// Writes fetched comments and the publication-history row the comment jobs leave behind.
enum CommentStore {
    /// Inserts comments not stored yet; returns the database ids of the new ones.
    static func insert(_ comments: [SocialMediaAPI.Comment], publicationID: Int, parent: String? = nil,
                       on db: PostgresConnection) async throws -> [Int] {
        guard !comments.isEmpty else { return [] }
        let rows = try await db.query("""
            INSERT INTO gaffer_demo.media_comments (publication_id, external_id, parent_external_id, author, body)
            SELECT $1, e, $2, a, b FROM unnest($3::text[], $4::text[], $5::text[]) AS t(e, a, b)
            ON CONFLICT (publication_id, external_id) DO NOTHING
            RETURNING id
            """, [publicationID, parent, PostgresTextArray(encoding: comments.map(\.externalID)),
                  PostgresTextArray(encoding: comments.map(\.author)), PostgresTextArray(encoding: comments.map(\.body))])
        return try rows.map { try $0.decode("id") }
    }

    /// Records the publication's comment count after an import.
    static func recordHistory(publicationID: Int, source: String, on db: PostgresConnection) async throws {
        try await db.query("""
            INSERT INTO gaffer_demo.publication_histories (publication_id, likes, views, comments_count, source)
            SELECT id, likes, views, (SELECT count(*) FROM gaffer_demo.media_comments c WHERE c.publication_id = p.id), $2
            FROM gaffer_demo.social_media_publications p WHERE id = $1
            """, [publicationID, source])
    }
}
