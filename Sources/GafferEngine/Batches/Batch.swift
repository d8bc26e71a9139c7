import Foundation
import GafferCore
import Postgres

/// A batch as its callback job sees it: `good_job_batches`, with its properties decoded.
public struct Batch: Sendable {
    public let id: UUID
    public let description: String?
    public let properties: ArgumentHash
    public let createdAt: Date
    public let enqueuedAt: Date?
    public let discardedAt: Date?
    public let jobsFinishedAt: Date?
    public let finishedAt: Date?
    public let onFinish: String?
    public let onSuccess: String?
    public let onDiscard: String?
    public let callbackQueueName: String?
    public let callbackPriority: Int?

    /// The GlobalID app name Gaffer writes in callback arguments; Ruby locates the batch by model
    /// and id whatever the app name is.
    public static let globalIDApp = "gaffer"

    static let select = """
        SELECT id, description, serialized_properties::text AS properties, created_at, enqueued_at, discarded_at,
               (to_jsonb(b)->>'jobs_finished_at')::timestamp AS jobs_finished_at, finished_at,
               on_finish, on_success, on_discard, callback_queue_name, callback_priority
        FROM good_job_batches b WHERE id = $1
        """

    /// Reads batch `id`; throws `BatchNotFound` when it does not exist (GoodJob raises on the missing record too).
    public static func load(_ id: UUID, from db: PostgresConnection) async throws -> Batch {
        guard let row = try await db.query(select, [id]).first else { throw BatchNotFound(id: id) }
        let text = try row.decode("properties", as: String?.self)
        let properties: ArgumentHash
        if let text, case .hash(let hash) = ArgumentValue(json: try JSONValue.parse(text)) {
            properties = hash
        } else {
            properties = ArgumentHash()
        }
        return Batch(id: id, description: try row.decode("description"), properties: properties,
                     createdAt: try row.decode("created_at"), enqueuedAt: try row.decode("enqueued_at"),
                     discardedAt: try row.decode("discarded_at"), jobsFinishedAt: try row.decode("jobs_finished_at"),
                     finishedAt: try row.decode("finished_at"), onFinish: try row.decode("on_finish"),
                     onSuccess: try row.decode("on_success"), onDiscard: try row.decode("on_discard"),
                     callbackQueueName: try row.decode("callback_queue_name"),
                     callbackPriority: try row.decode("callback_priority"))
    }
}

/// A callback job's batch no longer exists (deleted by clean-up, or never written).
public struct BatchNotFound: Error, CustomStringConvertible {
    public let id: UUID
    public var description: String {
        "batch \(id.uuidString.lowercased()) not found in good_job_batches (deleted by clean-up?)"
    }
}
