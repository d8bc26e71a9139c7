import GafferCore
import GafferEngine

/// Marks a bulk influencer import cancelled; a `BulkInfluencerJob` that has not started then does nothing.
public struct CancelBulkInfluencerJob: Job {
    public static let className = "CancelBulkInfluencerJob"

    public let bulkImportID: Int

    public init(bulkImportID: Int) {
        self.bulkImportID = bulkImportID
    }

    public init(arguments: JobArguments) throws {
        bulkImportID = try arguments.positional(0, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(bulkImportID))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        let cancelled = try await BulkImports.cancel(bulkImportID, on: db)
        context.logger.info("\(Self.className): import \(bulkImportID) \(cancelled ? "cancelled" : "had already finished")")
    }
}
