/// The batches view: its rows come from each snapshot (they refresh), only the selection is kept.
public struct BatchListView: Sendable, Hashable {
    public var selection: RowSelection

    public init(selection: RowSelection = RowSelection()) {
        self.selection = selection
    }
}
