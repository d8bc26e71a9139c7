import Foundation
import GafferCore
import GafferStore

extension GafferClient {
    /// Creates a batch, adds `jobs` to it and enqueues it (`GoodJob::Batch.enqueue(...) { ... }`).
    @discardableResult
    public func enqueueBatch(_ definition: BatchDefinition, jobs: [any Job]) async throws -> BatchHandle {
        let batch = try await createBatch(definition)
        try await add(jobs, to: batch)
        try await enqueue(batch, reset: false)
        return batch
    }

    /// Writes the batch row, not yet enqueued: jobs added now run at once, callbacks wait for `enqueue`.
    public func createBatch(_ definition: BatchDefinition) async throws -> BatchHandle {
        let row = NewBatchRow(id: UUID(), description: definition.description,
                              serializedProperties: definition.properties.json.serialized(),
                              onFinish: definition.onFinish?.name, onSuccess: definition.onSuccess?.name,
                              onDiscard: definition.onDiscard?.name, callbackQueueName: definition.callbackQueueName,
                              callbackPriority: definition.callbackPriority)
        try await connection.reconnectIfLost()
        try await BatchSQL.create(connection, row, now: clock())
        return BatchHandle(id: row.id, callbackTypes: definition.callbackTypes)
    }

    /// Enqueues `jobs` as members of `batch` (`batch.add { ... }`); returns the ids inserted.
    @discardableResult
    public func add(_ jobs: [any Job], to batch: BatchHandle, _ options: EnqueueOptions = EnqueueOptions())
        async throws -> [UUID]
    {
        let now = clock()
        var ids: [UUID] = []
        // One insert per class, so each class's enqueue limits apply as GoodJob's bulk buffer applies them.
        var order: [String] = []
        var groups: [String: (type: any Job.Type, rows: [NewJobRow])] = [:]
        for job in jobs {
            let type = Swift.type(of: job)
            var row = Self.row(className: type.className, arguments: job.arguments, defaults: type, options, now: now)
            row.batchID = batch.id
            if groups[type.className] == nil { order.append(type.className) }
            groups[type.className, default: (type, [])].rows.append(row)
        }
        for name in order {
            guard let group = groups[name] else { continue }
            ids += try await insert(group.rows, className: name, defaults: group.type, now: now)
        }
        return ids
    }

    /// Enqueues the batch (`batch.enqueue`): from now on its callbacks fire; at once if its jobs already
    /// finished. `reset` (default) clears the finish and discard times first, as re-enqueuing does in GoodJob.
    public func enqueue(_ batch: BatchHandle, reset: Bool = true) async throws {
        let now = clock()
        let types = batch.callbackTypes
        try await connection.reconnectIfLost()
        try await BatchSQL.enqueue(connection, batchID: batch.id, reset: reset, now: now) {
            Self.callbackRow($0, types: types, now: now)
        }
    }

    /// The row of a callback job, as `callback_class.set(priority:, queue:).perform_later(batch, {event:})`
    /// inside the batch writes it (`batch_callback_id`, no `batch_id`).
    static func callbackRow(_ settings: BatchCallbackSettings, types: JobRegistry, now: Date) -> NewJobRow {
        let arguments = BatchCallbackArguments(batchID: settings.batchID, event: settings.callback.event,
                                               app: Batch.globalIDApp).arguments
        var row = row(className: settings.callback.jobClass, arguments: arguments,
                      defaults: types.type(named: settings.callback.jobClass),
                      EnqueueOptions(queue: settings.queueName, priority: settings.priority), now: now)
        row.batchCallbackID = settings.batchID
        return row
    }
}
