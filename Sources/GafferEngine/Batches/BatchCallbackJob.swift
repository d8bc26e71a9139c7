import GafferCore

/// A batch callback job: GoodJob enqueues it with `(batch, {event:})` when its batch's event happens.
///
/// Conforming types implement `init(callback:)`, `callback` and `perform(batch:event:context:)`;
/// the `Job` requirements (arguments and body) come from here, so Rails can also enqueue and run it.
public protocol BatchCallbackJob: Job {
    init(callback: BatchCallbackArguments)
    var callback: BatchCallbackArguments { get }
    func perform(batch: Batch, event: BatchEvent, context: JobContext) async throws
}

extension BatchCallbackJob {
    public init(arguments: JobArguments) throws {
        self.init(callback: try BatchCallbackArguments(arguments: arguments))
    }

    public var arguments: JobArguments { callback.arguments }

    public func perform(_ context: JobContext) async throws {
        let batch = try await Batch.load(callback.batchID, from: try await context.database())
        try await perform(batch: batch, event: callback.event, context: context)
    }
}
