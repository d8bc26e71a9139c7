import Foundation
import GafferCore
import GafferStore
import Postgres

extension Limiter {
    /// Whether any registered type has a concurrency rule (else `states` is always empty).
    public var hasRules: Bool {
        registry.classNames.contains { registry.type(named: $0)?.concurrency != nil }
    }

    /// The limits pane: for every rule of every registered type, one entry per scope, sorted by key.
    ///
    /// Keys computed from arguments are listed for the unfinished rows that carry them (at most 20
    /// per type). The throttle shown is the perform throttle, else the enqueue throttle;
    /// `recentDeferrals` counts attempts GoodJob deferred within `deferralHorizon` seconds.
    public func states(_ db: PostgresConnection, now: Date, deferralHorizon: TimeInterval = 600) async throws
        -> [ConcurrencyLimitState]
    {
        var states: [ConcurrencyLimitState] = []
        var seen: Set<String> = []
        for className in registry.classNames {
            guard let controls = registry.type(named: className)?.concurrency else { continue }
            for rule in controls.rules {
                for scope in try await scopes(of: rule, key: controls.key, className: className, db) {
                    guard seen.insert("\(scope.kind) \(scope.lockKey) \(rule)").inserted else { continue }
                    states.append(try await state(of: rule, scope, now: now, deferralHorizon: deferralHorizon, db))
                }
            }
        }
        return states.sorted { ($0.key, $0.rule) < ($1.key, $1.rule) }
    }

    private func scopes(of rule: ConcurrencyRule, key: ConcurrencyKey, className: String, _ db: PostgresConnection)
        async throws -> [ConcurrencyScope]
    {
        switch (rule.scope, key) {
        case (.label(let label, let lockKey), _): return [.label(label, lockKey: lockKey)]
        case (.concurrencyKey, .className): return [.key(className)]
        case (.concurrencyKey, .fixed(let text)): return text.isEmpty ? [] : [.key(text)]
        case (.concurrencyKey, .computed): return try await LimitStateSQL.activeKeys(db, jobClass: className).map(ConcurrencyScope.key)
        }
    }

    private func state(of rule: ConcurrencyRule, _ scope: ConcurrencyScope, now: Date, deferralHorizon: TimeInterval,
                       _ db: PostgresConnection) async throws -> ConcurrencyLimitState {
        let throttle = rule.performThrottle ?? rule.enqueueThrottle
        let usage = try await LimitStateSQL.usage(
            db, scope, now: now, window: rule.performThrottle != nil ? .starts : .enqueues,
            period: throttle?.period ?? 0, keep: throttle?.count ?? 0, deferralsSince: now.addingTimeInterval(-deferralHorizon))
        var state = ConcurrencyLimitState(key: scope.lockKey, rule: rule.description, inUse: usage.running,
                                          limit: rule.runningCap, waiting: usage.waiting,
                                          recentDeferrals: usage.recentDeferrals)
        if let throttle {
            let window = ThrottleWindow(limit: throttle.count, period: throttle.period, starts: usage.windowNewest, now: now)
            state.windowCount = usage.windowCount
            state.windowLimit = throttle.count
            state.windowPeriod = throttle.period
            state.nextFree = window.isFull ? window.nextFree : nil
        }
        return state
    }
}
