import GafferCore
import GafferEngine

/// Imports a campaign's publications from the upload's `template` sheet; any error discards it.
public struct BulkPublicationJob: Job {
    public static let className = "BulkPublicationJob"
    public static let queueName = "bulk"
    public static let discardRules = [DiscardRule(matches: { _ in true })]
    static let sheet = "template"

    public let bulkImportID: Int
    public let campaignID: Int

    public init(bulkImportID: Int, campaignID: Int) {
        self.bulkImportID = bulkImportID
        self.campaignID = campaignID
    }

    public init(arguments: JobArguments) throws {
        bulkImportID = try arguments.positional(0, as: Int.self)
        campaignID = try arguments.positional(1, as: Int.self)
    }

    public var arguments: JobArguments { [.int(Int64(bulkImportID)), .int(Int64(campaignID))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        guard let workbook = try await BulkImports.workbook(bulkImportID, on: db) else {
            context.logger.info("\(Self.className): import \(bulkImportID) was cancelled; nothing to do")
            return
        }
        do {
            let records = try workbook.sheet(Self.sheet).records(requiring: ["url", "platform", "account_id"], sheet: Self.sheet)
            for (index, record) in records.enumerated() {
                guard let account = Int(record["account_id"]!), Platform(rawValue: record["platform"]!) != nil else {
                    throw BulkImportError(.badValue(row: index + 2, column: "account_id/platform",
                                                    value: record["account_id"]! + " " + record["platform"]!), sheet: Self.sheet)
                }
                try await db.query("""
                    INSERT INTO gaffer_demo.social_media_publications (account_id, campaign_id, platform, url)
                    VALUES ($1, $2, $3, $4)
                    """, [account, campaignID, record["platform"]!, record["url"]!])
            }
            try await BulkImports.finish(bulkImportID, imported: records.count, on: db)
        } catch {
            await BulkImports.fail(bulkImportID, error: error, on: db)
            throw error
        }
    }
}
