import GafferCore
import GafferEngine

/// Recalculates a media plan's reach and engagement from its accounts and their publications.
public struct RecalculateMediaPlanMetricJob: Job {
    public static let className = "RecalculateMediaPlanMetricJob"

    public let mediaPlanID: Int

    public init(mediaPlanID: Int) {
        self.mediaPlanID = mediaPlanID
    }

    public init(arguments: JobArguments) throws {
        mediaPlanID = try arguments.positional(0, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(mediaPlanID))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("""
            UPDATE gaffer_demo.media_plans m SET
              total_reach = coalesce((SELECT sum(followers) FROM gaffer_demo.social_media_accounts a
                                      WHERE a.media_plan_id = m.id), 0),
              engagement_rate = coalesce((SELECT round(sum(p.likes)::numeric / nullif(sum(p.views), 0), 4)
                                          FROM gaffer_demo.social_media_publications p
                                          JOIN gaffer_demo.social_media_accounts a ON a.id = p.account_id
                                          WHERE a.media_plan_id = m.id), 0),
              recalculated_at = now()
            WHERE id = $1
            """, [mediaPlanID])
    }
}
