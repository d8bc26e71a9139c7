/// The six panes of the screen, in the order `Tab` and `1`–`6` reach them.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case threads, queues, limits, failures, cron, processes

    /// The title drawn in the pane's frame.
    public var title: String {
        switch self {
        case .threads: "Threads"
        case .queues: "Queues"
        case .limits: "Limits"
        case .failures: "Failures"
        case .cron: "Cron"
        case .processes: "Processes"
        }
    }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}
