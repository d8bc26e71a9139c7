/// The batches view: its rows come from each snapshot (they refresh); the selection and the `/`
/// filter typed here are its own, and go when it closes.
public struct BatchListView: Sendable, Hashable {
    public var selection: RowSelection
    public var filter: Filter

    public init(selection: RowSelection = RowSelection(), filter: Filter = Filter()) {
        self.selection = selection
        self.filter = filter
    }
}
