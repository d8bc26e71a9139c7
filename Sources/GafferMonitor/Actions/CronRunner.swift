import Foundation
import Postgres

/// The cron entries this binary declares, and how to enqueue one now (GoodJob's dashboard "Enqueue now").
///
/// The monitor cannot build a job from a key alone: the class, arguments and options live in the app's
/// configuration (contract §6). The runtime hands the monitor this, built from the app's entries.
public struct CronRunner: Sendable {
    /// The keys it can enqueue.
    public let keys: Set<String>
    let enqueue: @Sendable (_ key: String, _ db: PostgresConnection, _ now: Date) async throws -> UUID?

    /// `enqueue` inserts the entry's job with `cron_at = now`; nil when no row was inserted.
    public init(keys: Set<String>,
                enqueue: @escaping @Sendable (_ key: String, _ db: PostgresConnection, _ now: Date) async throws -> UUID?) {
        self.keys = keys
        self.enqueue = enqueue
    }

    /// Declares nothing: every enqueue is refused.
    public static let none = CronRunner(keys: []) { _, _, _ in nil }
}
