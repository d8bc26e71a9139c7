import GafferCore
import GafferMonitorModel

/// Where the user is, as the binding table judges it: the mode decides which bindings apply,
/// the rest decides which of them are available.
public struct KeyContext: Sendable, CustomStringConvertible {
    public enum Mode: Sendable, Hashable {
        case pane(Pane)
        case jobs, detail, help, confirm, quit, batches
        case history, log
        /// A bulk action is running (its progress shows; Esc stops it).
        case progress

        public static let all: [Mode] = Pane.allCases.map { .pane($0) }
            + [.jobs, .detail, .help, .confirm, .quit, .batches, .history, .log, .progress]

        /// Panes, job lists and the detail view: the modes where you look at rows and act on them.
        var isBrowsing: Bool {
            switch self {
            case .pane, .jobs, .detail: true
            default: false
            }
        }

        /// The history and log views: read-only views over the panes.
        var isView: Bool { self == .history || self == .log }

        var isPane: Bool {
            if case .pane = self { return true }
            return false
        }
    }

    /// What the selected row is, for deciding which actions make sense.
    public enum Selected: Sendable, Hashable {
        case nothing
        case job(JobState)
        case failureGroup(FailureGroup.Kind)
        case queue
        /// A cron key; `runnable` when this app declares it, so it can enqueue it now.
        case cron(runnable: Bool)
        /// A row with no job actions (a process, a concurrency key).
        case other
    }

    public var mode: Mode
    public var readOnly: Bool
    public var hasLocalWorker: Bool
    public var selected: Selected
    /// The co-hosted worker's pool whose threads `[` and `]` change: the selected slot's, or the only one.
    public var localPool: LocalWorkerSnapshot.Pool?

    public init(mode: Mode, readOnly: Bool = false, hasLocalWorker: Bool = false, selected: Selected = .nothing,
                localPool: LocalWorkerSnapshot.Pool? = nil) {
        self.mode = mode
        self.readOnly = readOnly
        self.hasLocalWorker = hasLocalWorker
        self.selected = selected
        self.localPool = localPool
    }

    public var description: String { "\(mode)" }
}
