import Foundation
import Postgres

/// Finds and claims ready rows of job classes under concurrency rules, group by group.
///
/// The claim is `ClaimSQL`'s hybrid claim narrowed to one `ClaimGroup`; the caller runs it inside
/// the transaction that holds the group's scope locks and has counted how many may start.
public enum LimitedClaimSQL {
    /// The class's rule labels a row carries, in rule order; `$<n>` binds the rule labels.
    static func ruleLabels(parameter: Int) -> String {
        "ARRAY(SELECT u.l FROM unnest($\(parameter)::text[]) WITH ORDINALITY AS u(l, i) WHERE g.labels @> ARRAY[u.l] ORDER BY u.i)"
    }

    static let groups = """
        WITH head AS (
          SELECT g.concurrency_key, g.priority, g.scheduled_at, g.id, \(ruleLabels(parameter: 3)) AS rule_labels
          FROM good_jobs g
          WHERE \(ClaimSQL.readyPredicate)
            AND NOT coalesce(g.concurrency_key = ANY($9::text[]), false)
            AND NOT coalesce(g.labels && $10::text[], false)
          ORDER BY g.priority ASC NULLS LAST, g.scheduled_at ASC, g.id ASC
          LIMIT $1
        )
        SELECT concurrency_key, rule_labels, count(*) AS ready FROM head
        GROUP BY 1, 2 ORDER BY min(priority) ASC NULLS LAST, min(scheduled_at) ASC
        LIMIT $8
        """

    /// The groups among the first `lookahead` ready rows of `jobClass` in claim order, oldest first.
    ///
    /// Rows whose `concurrency_key` is in `excludingKeys` or whose labels meet `excludingLabels`
    /// are skipped: their scopes are known to be full, and skipping them lets the rows behind be seen.
    public static func readyGroups(_ db: PostgresConnection, jobClass: String, ruleLabels: [String], now: Date,
                                   queues: QueueFilter, pausesEnabled: Bool, excludingKeys: [String] = [],
                                   excludingLabels: [String] = [], lookahead: Int = 200, maxGroups: Int = 16)
        async throws -> [ClaimGroup]
    {
        let rows = try await db.query(groups, [
            lookahead, now, ruleLabels, [jobClass], queues.kind.rawValue, queues.queues, pausesEnabled, maxGroups,
            excludingKeys, excludingLabels,
        ])
        return try rows.map { row in
            ClaimGroup(jobClass: jobClass, concurrencyKey: try row.decode("concurrency_key"),
                       labels: try row.decode("rule_labels", as: [String].self), ready: try row.decode("ready"))
        }
    }

    static func statement(hasLockType: Bool, ordered: Bool) -> String {
        ClaimSQL.statement(hasLockType: hasLockType, ordered: ordered, extraPredicate: """
            AND g.concurrency_key IS NOT DISTINCT FROM $9::text AND \(ruleLabels(parameter: 10)) = $11::text[]
            """)
    }

    /// Indexed by [hasLockType][ordered], as `ClaimSQL.variants`.
    static let variants = [[statement(hasLockType: false, ordered: false), statement(hasLockType: false, ordered: true)],
                           [statement(hasLockType: true, ordered: false), statement(hasLockType: true, ordered: true)]]

    /// Claims up to `limit` rows of `group`, as `ClaimSQL.claim` does, inside a transaction body.
    public static func claim(_ db: isolated PostgresConnection, group: ClaimGroup, ruleLabels: [String],
                             processID: UUID, now: Date, limit: Int, queues: QueueFilter, pausesEnabled: Bool,
                             hasLockType: Bool = true) throws -> [ClaimedJob] {
        guard limit > 0 else { return [] }
        let parameters = ClaimSQL.statement(processID: processID, now: now, limit: limit, jobClasses: [group.jobClass],
                                            queues: queues, pausesEnabled: pausesEnabled, hasLockType: hasLockType)
            .parameters + [group.concurrencyKey, ruleLabels, group.labels]
        let rows = try db.query(variants[hasLockType ? 1 : 0][queues.kind == .ordered ? 1 : 0], parameters)
        return try ClaimSQL.decode(rows)
    }
}
