import GafferMonitorModel

/// The history view (`H`): jobs finished and failed per bucket, overall and per queue, read from the rows.
public struct HistoryView: Sendable, Hashable {
    public var span: JobHistory.Span
    /// nil while loading.
    public var history: JobHistory?
    /// The selected row of the queue list (`all queues` first); the chart shows that row.
    public var selection: RowSelection

    public init(span: JobHistory.Span = .hour, history: JobHistory? = nil, selection: RowSelection = RowSelection()) {
        self.span = span
        self.history = history
        self.selection = selection
    }

    /// The row key of the overall series.
    static let allKey = "*all"

    /// Row keys: the overall series, then the queues busiest first.
    var keys: [String] { [Self.allKey] + (history?.busiestQueues ?? []) }

    /// The queue the chart shows; nil for all queues.
    var selectedQueue: String? {
        guard let index = selection.resolved(in: keys), index > 0 else { return nil }
        return keys[index]
    }
}
