import Foundation
import GafferCore
import GafferStore
import Postgres

/// Inserts rows of one job type under its enqueue-stage controls (contract §7): all rows or none.
///
/// GoodJob checks each rule in its own rolled-back transaction and inserts afterwards, so two
/// enqueuers can both pass a limit at once; here the counts and the insert share one transaction
/// that holds every scope's `pg_advisory_xact_lock`, so a limit is never overshot.
enum EnqueueLimits {
    /// One control to check for one scope, and how many of the new rows fall in that scope.
    struct Check {
        let rule: ConcurrencyRule
        let scope: ConcurrencyScope
        let adding: Int
    }

    static func insert(_ db: PostgresConnection, _ rows: [NewJobRow], jobClass: String, rules: ConcurrencyRules,
                       now: Date) async throws -> [UUID] {
        let checks = self.checks(rows, rules: rules)
        guard !checks.isEmpty else { return try await EnqueueSQL.enqueue(db, rows, now: now) }
        return try await db.transaction { conn in
            try LimitSQL.lock(conn, checks.map(\.scope.lockKey))
            for check in checks {
                if let refusal = try verify(check, jobClass: jobClass, now: now, on: conn) { throw refusal }
            }
            return try EnqueueSQL.enqueue(in: conn, rows, now: now)
        }
    }

    /// The enqueue-stage checks, rule by rule in order, each scope once.
    static func checks(_ rows: [NewJobRow], rules: ConcurrencyRules) -> [Check] {
        var checks: [Check] = []
        for rule in rules.rules where rule.hasEnqueueStage {
            var order: [ConcurrencyScope] = []
            var adding: [ConcurrencyScope: Int] = [:]
            for row in rows {
                guard let scope = rule.scope(concurrencyKey: row.concurrencyKey, labels: row.labels ?? []) else { continue }
                if adding[scope] == nil { order.append(scope) }
                adding[scope, default: 0] += 1
            }
            checks += order.map { Check(rule: rule, scope: $0, adding: adding[$0]!) }
        }
        return checks
    }

    /// The refusal for `check`, or nil when the new rows fit: the limit first, then the throttle, as GoodJob.
    static func verify(_ check: Check, jobClass: String, now: Date, on db: isolated PostgresConnection) throws
        -> ConcurrencyLimitExceeded?
    {
        if let cap = check.rule.enqueueCap {
            let count = cap.waitingOnly ? try LimitSQL.waiting(db, check.scope) : try LimitSQL.unfinished(db, check.scope)
            if count + check.adding > cap.limit {
                return ConcurrencyLimitExceeded(control: cap.waitingOnly ? .enqueueLimit : .totalLimit, jobClass: jobClass,
                                                key: check.scope.lockKey, count: count, adding: check.adding,
                                                limit: cap.limit, period: nil)
            }
        }
        if let throttle = check.rule.enqueueThrottle {
            let count = try LimitSQL.createdAfter(db, check.scope, since: now.addingTimeInterval(-throttle.period))
            if count + check.adding > throttle.count {
                return ConcurrencyLimitExceeded(control: .enqueueThrottle, jobClass: jobClass, key: check.scope.lockKey,
                                                count: count, adding: check.adding, limit: throttle.count,
                                                period: throttle.period)
            }
        }
        return nil
    }
}
