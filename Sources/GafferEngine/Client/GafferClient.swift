import Foundation
import GafferCore
import GafferStore
import Postgres

/// Enqueues jobs into GoodJob's tables, exactly as GoodJob's enqueue writes them (contract §2.1).
public struct GafferClient: Sendable {
    public let connection: PostgresConnection
    let clock: @Sendable () -> Date

    public init(connection: PostgresConnection, clock: @escaping @Sendable () -> Date = Date.init) {
        self.connection = connection
        self.clock = clock
    }

    /// Enqueues one job; returns its id, or nil when a cron duplicate was dropped.
    /// Throws `ConcurrencyLimitExceeded` when the type's enqueue limits refuse it.
    @discardableResult
    public func enqueue<J: Job>(_ job: J, _ options: EnqueueOptions = EnqueueOptions()) async throws -> UUID? {
        try await enqueue(className: J.className, arguments: job.arguments, defaults: J.self, options).first
    }

    /// Enqueues many jobs in one statement (GoodJob's bulk enqueue); returns the ids inserted.
    @discardableResult
    public func enqueueAll<J: Job>(_ jobs: [J], _ options: EnqueueOptions = EnqueueOptions()) async throws -> [UUID] {
        let now = clock()
        let rows = jobs.map { Self.row(className: J.className, arguments: $0.arguments, defaults: J.self, options, now: now) }
        return try await insert(rows, className: J.className, defaults: J.self, now: now)
    }

    /// Enqueues by class name and raw arguments (for `gaffer enqueue` and classes only Rails has).
    @discardableResult
    public func enqueue(className: String, arguments: JobArguments, defaults: (any Job.Type)? = nil,
                        _ options: EnqueueOptions = EnqueueOptions()) async throws -> [UUID] {
        let now = clock()
        let row = Self.row(className: className, arguments: arguments, defaults: defaults, options, now: now)
        return try await insert([row], className: className, defaults: defaults, now: now)
    }

    static func row(className: String, arguments: JobArguments, defaults: (any Job.Type)?, _ options: EnqueueOptions,
                    now: Date) -> NewJobRow {
        let id = UUID()
        let queue = options.queue ?? defaults?.queueName ?? "default"
        let priority = options.priority ?? defaults?.priority ?? 0
        let scheduledAt = options.at ?? options.delay.map { now.addingTimeInterval($0) }
        let payload = ActiveJobPayload(jobClass: className, jobID: id, queueName: queue, priority: priority,
                                       arguments: arguments, enqueuedAt: now, scheduledAt: scheduledAt)
        let labels = options.labels ?? defaults?.labels ?? []
        return NewJobRow(id: id, jobClass: className, queueName: queue, priority: priority,
                         serializedParams: payload.json.serialized(), scheduledAt: scheduledAt ?? now,
                         concurrencyKey: options.concurrencyKey ?? concurrencyKey(className, arguments, defaults),
                         labels: labels.isEmpty ? nil : labels,
                         cronKey: options.cronKey, cronAt: options.cronAt)
    }
}
