/// The selected row of a list: its position, and its key so it follows the row when rows move.
public struct RowSelection: Sendable, Hashable {
    public var index: Int
    public var key: String?

    public init(index: Int = 0, key: String? = nil) {
        self.index = index
        self.key = key
    }

    /// The index this selection points at among `keys`: the row with its key, else the old position clamped.
    public func resolved(in keys: [String]) -> Int? {
        guard !keys.isEmpty else { return nil }
        if let key, let found = keys.firstIndex(of: key) { return found }
        return min(max(index, 0), keys.count - 1)
    }

    /// Moves by `delta` rows (clamped) among `keys` and remembers the new row's key.
    public func moved(by delta: Int, in keys: [String]) -> RowSelection {
        guard let current = resolved(in: keys) else { return RowSelection() }
        let target = min(max(current + delta, 0), keys.count - 1)
        return RowSelection(index: target, key: keys[target])
    }

    /// Selects position `index` (clamped) among `keys`.
    public static func at(_ index: Int, in keys: [String]) -> RowSelection {
        guard !keys.isEmpty else { return RowSelection() }
        let target = min(max(index, 0), keys.count - 1)
        return RowSelection(index: target, key: keys[target])
    }
}
