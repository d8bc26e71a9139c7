#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore

/// Which jobs a list shows: one state plus optional exact filters, paged by keyset.
public struct JobListScope: Sendable, Hashable {
    public var state: JobState
    public var queue: String?
    public var jobClass: String?
    public var label: String?
    /// Exact error class (`split_part(error, ': ', 1)`).
    public var errorClass: String?
    /// Case-insensitive substring of the error text.
    public var errorContains: String?
    /// Only jobs whose list time (finished, scheduled or performed, per state) is at or after this.
    public var since: Date?
    /// Only jobs whose list time is before this (the command line's `--before`).
    public var before: Date?
    /// Only the jobs and callback jobs of this batch.
    public var batchID: UUID?
    /// Rows whose own badge is `state`, instead of GoodJob's scope for it: a failure group's retrying jobs,
    /// which the retried scope misses until their second retry.
    public var byBadge: Bool
    /// The screen's filter: case-insensitive substrings of one field each (`queue:` `class:` `label:`)…
    public var queueContains: String?
    public var classContains: String?
    public var labelContains: String?
    /// …and free text, found in the class, queue, a label, the error, the arguments, or as the start of the id.
    public var search: [String] = []
    /// Terms no listed job may match (the filter's `!` terms), each on its field or, without one, on
    /// everything free text searches.
    public var excluded: [FilterTerm] = []
    /// Qualified terms every listed job must also match: a second `queue:` term and after (the first
    /// of each field is in `queueContains`, `classContains`, `labelContains` or `errorContains`).
    public var alsoRequired: [FilterTerm] = []
    /// Only jobs with this exact `concurrency_key`.
    public var concurrencyKey: String?
    /// Only jobs a cron entry enqueued under this exact `cron_key`.
    public var cronKey: String?
    /// Ordered by `created_at` (GoodJob's index on it) rather than the state's own time.
    public var sortByCreated = false
    /// The other way round from the state's default order.
    public var reversed = false

    /// Whether the list shows its newest rows first: finished states do by default, `reversed` turns it.
    public var isNewestFirst: Bool { Self.newestFirstByDefault(state) != reversed }

    /// GoodJob's dashboard order: finished jobs newest first, waiting and running ones oldest first.
    public static func newestFirstByDefault(_ state: JobState) -> Bool { state == .succeeded || state == .discarded }

    public init(state: JobState, queue: String? = nil, jobClass: String? = nil, label: String? = nil,
                errorClass: String? = nil, errorContains: String? = nil, since: Date? = nil, batchID: UUID? = nil,
                concurrencyKey: String? = nil, cronKey: String? = nil, byBadge: Bool = false) {
        self.state = state
        self.queue = queue
        self.jobClass = jobClass
        self.label = label
        self.errorClass = errorClass
        self.errorContains = errorContains
        self.since = since
        self.batchID = batchID
        self.concurrencyKey = concurrencyKey
        self.cronKey = cronKey
        self.byBadge = byBadge
    }
}

/// Where the next page of a job list starts: the last row's sort time and id.
public struct JobListCursor: Sendable, Hashable {
    public var sortAt: Date
    public var id: UUID

    public init(sortAt: Date, id: UUID) {
        self.sortAt = sortAt
        self.id = id
    }
}
