import Foundation
import GafferCore
import GafferStore
import Postgres
import Synchronization

/// Claims jobs of types with perform-stage concurrency rules without ever starting one over a limit.
///
/// GoodJob claims first and checks afterwards (contract §7): an attempt over a limit is recorded
/// as a `ConcurrencyExceededError` and retried with polynomial backoff (3 s, 18 s, 83 s, ...), so
/// throttled jobs wait minutes and lose their order (GoodJob issue #1353). Here ready rows of such
/// types are claimed group by group (one `concurrency_key`, the same rule labels) inside a
/// transaction that holds the groups' scope locks, counts exactly what GoodJob counts, and claims
/// only as many rows as may start. No attempt is wasted or deferred, and order holds within a key.
///
/// A scope found full is remembered (a gate): a throttle until the moment its window frees, a
/// running limit for `limitRecheck` seconds. While gated, the pool skips the scope's rows without
/// a query and sees the rows behind them, and it wakes up when the earliest gate opens.
public final class Limiter: Sendable {
    /// Seconds a scope at its running limit is skipped before it is counted again.
    static let limitRecheck: TimeInterval = 0.5

    /// The perform-stage rules of one job type.
    struct TypeRules: Sendable {
        let className: String
        let rules: [ConcurrencyRule]
        /// The label rules' labels, in rule order (they define a row's claim group).
        let labels: [String]
        let hasKeyedRule: Bool
    }

    /// What a pool passes for its claims.
    struct PoolContext: Sendable {
        let processID: UUID
        let queues: QueueFilter
        let pausesEnabled: Bool
        let hasLockType: Bool
    }

    /// Jobs claimed within their limits, and when a full scope next frees (for the pool to wake up).
    struct Claim: Sendable {
        var jobs: [ClaimedJob] = []
        var wakeAt: Date?
    }

    let registry: JobRegistry
    private let limitedTypes: [TypeRules]
    /// Registered classes with no perform-stage rules: the pool's ordinary claim takes them.
    let unlimitedClassNames: [String]
    private let clock: @Sendable () -> Date
    private let gates = Mutex<[ConcurrencyScope: Date]>([:])

    public init(registry: JobRegistry, clock: @escaping @Sendable () -> Date = Date.init) {
        self.registry = registry
        self.clock = clock
        var limited: [TypeRules] = []
        var unlimited: [String] = []
        for className in registry.classNames {
            let rules = registry.type(named: className)?.concurrency?.performRules ?? []
            if rules.isEmpty {
                unlimited.append(className)
            } else {
                limited.append(TypeRules(className: className, rules: rules, labels: rules.compactMap(\.label),
                                         hasKeyedRule: rules.contains { $0.scope == .concurrencyKey }))
            }
        }
        limitedTypes = limited
        unlimitedClassNames = unlimited
    }

    /// Registered classes whose rows this limiter claims.
    public var limitedClassNames: [String] { limitedTypes.map(\.className) }

    var hasLimitedTypes: Bool { !limitedTypes.isEmpty }

    // MARK: Claiming

    /// Claims up to `limit` jobs of the limited types on the pool's connection, oldest group first.
    func claim(on db: PostgresConnection, _ pool: PoolContext, limit: Int) async throws -> Claim {
        var claim = Claim()
        do {
            try await claimTypes(on: db, pool, limit: limit, into: &claim)
        } catch where !claim.jobs.isEmpty {
            // The jobs already claimed are this process's now and must run; the failure shows again at the next claim.
        }
        claim.wakeAt = closedGates(at: clock()).values.min()
        return claim
    }

    private func claimTypes(on db: PostgresConnection, _ pool: PoolContext, limit: Int, into claim: inout Claim)
        async throws
    {
        for type in limitedTypes where claim.jobs.count < limit {
            let gated = closedGates(at: clock())
            let groups = try await LimitedClaimSQL.readyGroups(
                db, jobClass: type.className, ruleLabels: type.labels, now: clock(), queues: pool.queues,
                pausesEnabled: pool.pausesEnabled,
                excludingKeys: type.hasKeyedRule ? gated.keys.filter { $0.kind == .key }.map(\.value) : [],
                excludingLabels: gated.keys.filter { $0.kind == .label && type.labels.contains($0.value) }.map(\.value))
            for group in groups where claim.jobs.count < limit {
                let scopes = type.rules.compactMap { rule in
                    rule.scope(concurrencyKey: group.concurrencyKey, labels: group.labels).map { (scope: $0, rule: rule) }
                }
                if scopes.contains(where: { gated[$0.scope] != nil }) { continue }
                claim.jobs += try await claimGroup(group, type: type, scopes: scopes, pool: pool,
                                                   limit: limit - claim.jobs.count, on: db)
            }
        }
    }

    /// Counts the group's scopes under their locks, claims what fits, and gates the scopes left full.
    private func claimGroup(_ group: ClaimGroup, type: TypeRules, scopes: [(scope: ConcurrencyScope, rule: ConcurrencyRule)],
                            pool: PoolContext, limit: Int, on db: PostgresConnection) async throws -> [ClaimedJob] {
        let clock = self.clock
        let (claimed, full) = try await db.transaction { conn -> ([ClaimedJob], [ConcurrencyScope: Date]) in
            try LimitSQL.lock(conn, scopes.map(\.scope.lockKey))
            let now = clock()
            var capacity = limit
            var full: [ConcurrencyScope: Date] = [:]
            var windows: [(scope: ConcurrencyScope, window: ThrottleWindow)] = []
            for (scope, rule) in scopes {
                if let cap = rule.runningCap {
                    let room = cap - (try LimitSQL.running(conn, scope))
                    if room <= 0 { full[scope] = now.addingTimeInterval(Self.limitRecheck) }
                    capacity = min(capacity, max(room, 0))
                }
                if let throttle = rule.performThrottle {
                    let starts = try LimitSQL.recentStarts(conn, scope, since: now.addingTimeInterval(-throttle.period),
                                                           limit: max(throttle.count, 0))
                    let window = ThrottleWindow(limit: throttle.count, period: throttle.period, starts: starts, now: now)
                    capacity = min(capacity, max(throttle.count - window.count, 0))
                    windows.append((scope, window))
                }
            }
            let claimed = try LimitedClaimSQL.claim(conn, group: group, ruleLabels: type.labels, processID: pool.processID,
                                                    now: now, limit: capacity, queues: pool.queues,
                                                    pausesEnabled: pool.pausesEnabled, hasLockType: pool.hasLockType)
            // A throttle these starts filled is full until its oldest counted start leaves the window.
            for (scope, window) in windows {
                let starts = window.startsInWindow + Array(repeating: now, count: claimed.count)
                let after = ThrottleWindow(limit: window.limit, period: window.period, starts: starts, now: now)
                if after.isFull { full[scope] = max(full[scope] ?? now, after.nextFree ?? now.addingTimeInterval(Self.limitRecheck)) }
            }
            return (claimed, full)
        }
        if !full.isEmpty {
            gates.withLock { gates in
                for (scope, until) in full { gates[scope] = max(gates[scope] ?? until, until) }
            }
        }
        return claimed
    }

    /// The gates still closed at `now` (scope → when it opens); opened ones are forgotten.
    private func closedGates(at now: Date) -> [ConcurrencyScope: Date] {
        gates.withLock { gates in
            gates = gates.filter { $0.value > now }
            return gates
        }
    }
}
