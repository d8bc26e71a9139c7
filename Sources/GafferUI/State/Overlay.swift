#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel

/// A view drawn over the panes; they stack (a job list, then a job's detail, then a confirmation).
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case jobs(JobListView)
    /// The newest batches (`b`); Enter lists a batch's jobs.
    case batches(BatchListView)
    case detail(DetailView)
    case confirm(Confirmation)
    /// The choice `q` offers while a local worker runs.
    case quit
    /// Jobs finished and failed over time (`H`).
    case history(HistoryView)
    /// The co-hosted worker's log (`L`).
    case log(LogView)
    /// A bulk action at work: how far it got; Esc stops it after the current chunk.
    case progress(BulkProgress)
}

/// A running bulk action as its overlay shows it.
public struct BulkProgress: Sendable, Hashable {
    /// What runs: `Discarding 3,000 jobs · class:import`.
    public var title: String
    /// The newest progress line (`discarded: 1,000 of 3,000 done · 2 skipped`).
    public var line: String
    /// True once Esc was pressed: the current chunk finishes, then it stops.
    public var stopping = false

    public init(title: String, line: String) {
        self.title = title
        self.line = line
    }
}

/// One job's detail, loaded on demand.
public struct DetailView: Sendable, Hashable {
    public var id: UUID
    /// nil while loading.
    public var detail: JobDetail?
    public var missing: Bool
    public var scroll: Int
    public var wrap: Bool
    /// Backtraces in full rather than the application's frames only.
    public var fullTrace: Bool

    public init(id: UUID, detail: JobDetail? = nil, missing: Bool = false, scroll: Int = 0, wrap: Bool = true,
                fullTrace: Bool = false) {
        self.fullTrace = fullTrace
        self.id = id
        self.detail = detail
        self.missing = missing
        self.scroll = scroll
        self.wrap = wrap
    }
}

/// A list of jobs in one state (drill-down from a queue or a failure group), with marks.
public struct JobListView: Sendable, Hashable {
    /// What the list shows, e.g. `queue mailers` or `Net::ReadTimeout · SyncJob`.
    public var title: String
    /// What the list was opened on; `scope` is this narrowed by the list's own filter.
    public var baseScope: JobListScope
    public var scope: JobListScope
    /// The `/` filter typed in this list: it narrows the database query, and goes when the list closes.
    public var filter: Filter
    /// How many jobs the scope holds in all (nil until counted).
    public var total: Int?
    /// nil while loading.
    public var jobs: [JobSummary]?
    public var selection: RowSelection
    public var marks: Set<UUID>
    /// True when the last page came back short: nothing more to load.
    public var exhausted: Bool
    /// True when the first loaded row is the list's first. After `G` the list holds its last page
    /// (read from the other end), and moving up past its top reads the page before.
    public var atStart: Bool
    /// True after `G` until `g` or a new query: refreshes re-read the last page, and a first page
    /// still on its way (a refresh asked for it before `G`) is not put in.
    public var fromEnd: Bool
    /// Every job matching the list (its whole scope in the database, not the loaded pages) is selected
    /// for the next action (`*`).
    public var allMatching = false

    public static let pageSize = 100

    public init(title: String, scope: JobListScope, jobs: [JobSummary]? = nil, selection: RowSelection = RowSelection(),
                marks: Set<UUID> = [], exhausted: Bool = false) {
        self.title = title
        self.baseScope = scope
        self.scope = scope
        self.filter = Filter()
        self.total = nil
        self.jobs = jobs
        self.selection = selection
        self.marks = marks
        self.exhausted = exhausted
        self.atStart = true
        self.fromEnd = false
    }

    /// Where the page after the loaded rows starts.
    var cursorAfter: JobListCursor? { jobs?.last.map { JobListCursor(sortAt: $0.sortAt, id: $0.id) } }

    /// Where the page before the loaded rows ends.
    var cursorBefore: JobListCursor? { jobs?.first.map { JobListCursor(sortAt: $0.sortAt, id: $0.id) } }

    /// Whether a page asked for at `cursor` still borders the loaded rows (its row is still among them).
    func holds(_ cursor: JobListCursor?) -> Bool { cursor.map { c in jobs?.contains { $0.id == c.id } ?? false } ?? true }
}

/// A destructive action waiting for `y`.
public struct Confirmation: Sendable, Hashable {
    /// The question, naming the action and the count: `Retry 3 jobs?`.
    public var prompt: String
    /// Lines under the question: what exactly will happen (each short enough for 80 columns).
    public var detail: [String]
    public var effect: Effect

    public init(prompt: String, detail: [String] = [], effect: Effect) {
        self.prompt = prompt
        self.detail = detail
        self.effect = effect
    }
}
