import Foundation
import GafferCore
import GafferStore

extension GafferClient {
    /// Inserts rows, under the enqueue-stage concurrency controls of `defaults` when it has any.
    func insert(_ rows: [NewJobRow], className: String, defaults: (any Job.Type)?, now: Date) async throws -> [UUID] {
        // The worker's enqueue session outlives database restarts: a lost one is reopened here.
        try await connection.reconnectIfLost()
        guard let rules = defaults?.concurrency, rules.hasEnqueueStage else {
            return try await EnqueueSQL.enqueue(connection, rows, now: now)
        }
        return try await EnqueueLimits.insert(connection, rows, jobClass: className, rules: rules, now: now)
    }

    /// The `concurrency_key` GoodJob stores for a job of a type with concurrency controls.
    static func concurrencyKey(_ className: String, _ arguments: JobArguments, _ defaults: (any Job.Type)?) -> String? {
        defaults?.concurrency?.key.resolve(className: className, arguments: arguments)
    }
}
