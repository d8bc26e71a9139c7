#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The columns of a `good_jobs` row that decide its dashboard state.
public struct JobStateFields: Sendable, Hashable {
    public var createdAt: Date
    public var scheduledAt: Date?
    public var performedAt: Date?
    public var finishedAt: Date?
    public var error: String?

    public init(
        createdAt: Date,
        scheduledAt: Date? = nil,
        performedAt: Date? = nil,
        finishedAt: Date? = nil,
        error: String? = nil
    ) {
        self.createdAt = createdAt
        self.scheduledAt = scheduledAt
        self.performedAt = performedAt
        self.finishedAt = finishedAt
        self.error = error
    }

    /// Ruby's `error.present?`: set and not only whitespace.
    var hasPresentError: Bool {
        guard let error else { return false }
        return !error.allSatisfy(\.isWhitespace)
    }
}
