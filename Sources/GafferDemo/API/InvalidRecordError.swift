import Foundation

/// A demo row that cannot be synced as it stands (a bad URL, a missing record): discarded, not retried.
public struct InvalidRecordError: Error, LocalizedError {
    public let table: String
    public let id: Int
    public let problem: String

    public var errorDescription: String? {
        "\(table) \(id): \(problem)"
    }
}
