/// Which batch callback a callback job runs for (the `event` GoodJob passes it).
public enum BatchEvent: String, Sendable, Hashable, CaseIterable {
    /// The first member job was discarded.
    case discard
    /// Every member job finished without being discarded.
    case success
    /// Every member job finished.
    case finish
}
