import Foundation
import GafferCore
import Logging
import Postgres

/// What a running job knows about its attempt, and the services it may use.
public struct JobContext: Sendable {
    public let jobID: UUID
    /// This attempt's number, 1 for the first.
    public let attempt: Int
    public let queueName: String
    public let labels: [String]
    public let enqueuedAt: Date?
    /// Lines carry the job's `job_id`, `job_class`, `queue` and `attempt` (the worker's handler, so also its format).
    public let logger: Logger
    /// Enqueues further jobs (fan-out), on the worker's own connection.
    public let client: GafferClient
    let slotDatabase: LazyConnection

    /// The slot's own connection for the job's queries (opened on first use, kept for the next job).
    public func database() async throws -> PostgresConnection {
        try await slotDatabase.get()
    }
}
