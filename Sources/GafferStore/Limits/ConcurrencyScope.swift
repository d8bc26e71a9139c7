/// The rows one concurrency rule counts, and the advisory-lock key its checks serialize on (contract §7).
///
/// A keyed scope (GoodJob's `good_job_control_concurrency_with`) counts rows whose
/// `concurrency_key` equals the key and locks the key itself. A label scope (GoodJob's
/// `good_job_concurrency_rule(label:)`) counts rows whose `labels` contain the label and locks
/// the rule's explicit key, or `label:<label>` when it has none.
public struct ConcurrencyScope: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case key
        case label
    }

    public let kind: Kind
    /// The concurrency key (`kind == .key`) or the label (`kind == .label`).
    public let value: String
    /// The text hashed for `pg_advisory_xact_lock`, as GoodJob hashes it (no table prefix).
    public let lockKey: String

    public static func key(_ key: String) -> ConcurrencyScope {
        ConcurrencyScope(kind: .key, value: key, lockKey: key)
    }

    public static func label(_ label: String, lockKey: String? = nil) -> ConcurrencyScope {
        ConcurrencyScope(kind: .label, value: label, lockKey: lockKey ?? "label:\(label)")
    }

    /// The key the monitor shows: the concurrency key, or the lock key of a label rule.
    public var description: String { lockKey }

    /// The `good_jobs` predicate for this scope on alias `g`, binding the scope value as `$<parameter>`.
    func predicate(parameter: Int) -> String {
        switch kind {
        case .key: "g.concurrency_key = $\(parameter)::text"
        case .label: "g.labels && ARRAY[$\(parameter)::text]"
        }
    }
}
