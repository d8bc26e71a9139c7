import GafferCore
import GafferEngine

/// Imports influencers from the upload's `MASTER` sheet. Any error discards the job
/// (`discard_on StandardError`) after marking the import failed with a readable reason.
public struct BulkInfluencerJob: Job {
    public static let className = "BulkInfluencerJob"
    public static let queueName = "bulk"
    public static let discardRules = [DiscardRule(matches: { _ in true })]
    static let sheet = "MASTER"

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
        guard let workbook = try await BulkImports.workbook(bulkImportID, on: db) else {
            context.logger.info("\(Self.className): import \(bulkImportID) was cancelled; nothing to do")
            return
        }
        do {
            let records = try workbook.sheet(Self.sheet)
                .records(requiring: ["handle", "platform", "followers", "media_plan_id"], sheet: Self.sheet)
            for (index, record) in records.enumerated() {
                guard let followers = Int(record["followers"]!), let plan = Int(record["media_plan_id"]!),
                      Platform(rawValue: record["platform"]!) != nil else {
                    throw BulkImportError(.badValue(row: index + 2, column: "followers/media_plan_id/platform",
                                                    value: record.values.sorted().joined(separator: " ")), sheet: Self.sheet)
                }
                try await db.query("""
                    INSERT INTO gaffer_demo.social_media_accounts (platform, handle, media_plan_id, followers)
                    VALUES ($1, $2, $3, $4)
                    """, [record["platform"]!, record["handle"]!, plan, followers])
            }
            try await BulkImports.finish(bulkImportID, imported: records.count, on: db)
        } catch {
            await BulkImports.fail(bulkImportID, error: error, on: db)
            throw error
        }
    }
}
