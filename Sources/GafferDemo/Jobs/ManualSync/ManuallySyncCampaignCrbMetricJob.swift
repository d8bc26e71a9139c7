import GafferCore
import GafferEngine

/// Syncs a campaign's CRB (comments related to brand) metric: flags its unreviewed comments that
/// mention the brand, then recounts.
public struct ManuallySyncCampaignCrbMetricJob: Job {
    public static let className = "ManuallySyncCampaignCrbMetricJob"
    public static let queueName = "manual_sync_media_comments_counter"

    public let campaignID: Int

    public init(campaignID: Int) {
        self.campaignID = campaignID
    }

    public init(arguments: JobArguments) throws {
        campaignID = try arguments.positional(0, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(campaignID))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("""
            UPDATE gaffer_demo.media_comments c SET brand_related = c.body ILIKE '%' || k.brand || '%'
            FROM gaffer_demo.social_media_publications p, gaffer_demo.campaigns k
            WHERE p.id = c.publication_id AND k.id = p.campaign_id AND k.id = $1 AND NOT c.reviewed
            """, [campaignID])
        try await db.query("""
            UPDATE gaffer_demo.campaigns k SET crb_synced_at = now(), crb_comments_count = (
              SELECT count(*) FROM gaffer_demo.media_comments c
              JOIN gaffer_demo.social_media_publications p ON p.id = c.publication_id
              WHERE p.campaign_id = k.id AND c.brand_related)
            WHERE id = $1
            """, [campaignID])
    }
}
