import GafferCore
import GafferEngine

/// Sets the sell price of a media plan's scope-of-work items to the buy price plus a markup percentage.
public struct BulkMarkupSellPriceJob: Job {
    public static let className = "BulkMarkupSellPriceJob"
    public static let queueName = "bulk"

    public let mediaPlanID: Int
    public let percentage: Double

    public init(mediaPlanID: Int, percentage: Double) {
        self.mediaPlanID = mediaPlanID
        self.percentage = percentage
    }

    public init(arguments: JobArguments) throws {
        mediaPlanID = try arguments.positional(0, as: Int.self)
        percentage = try arguments.positional(1, as: Double.self)
    }

    public var arguments: JobArguments { [.int(Int64(mediaPlanID)), .double(percentage)] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        let updated = try await db.query("""
            UPDATE gaffer_demo.scope_of_work_items
            SET sell_price = round(buy_price * (1 + $2::numeric / 100), 2), markup_percentage = $2
            WHERE media_plan_id = $1
            """, [mediaPlanID, percentage]).affectedRows
        context.logger.info("\(Self.className): media plan \(mediaPlanID): \(updated) item(s) marked up \(percentage)%")
    }
}
