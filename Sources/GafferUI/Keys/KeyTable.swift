import TerminalKit

/// The binding table in force: `Keymap`'s, with the config file's remaps applied and checked.
///
/// Equal when the remaps are equal (the table is built from them), so `UIState` stays `Hashable`.
public struct KeyTable: Sendable, Hashable {
    public struct Remap: Sendable, Hashable {
        /// `UIAction.name` of the bindings to change.
        public var action: String
        /// Their new keys, the first shown in the footer.
        public var keys: [Key]

        public init(action: String, keys: [Key]) {
            self.action = action
            self.keys = keys
        }
    }

    public let remaps: [Remap]
    public let table: BindingTable<UIAction, KeyContext>

    public static let standard = KeyTable(remaps: [], table: Keymap.table)

    /// `Keymap`'s table with each remap replacing the keys of every binding of its action, checked
    /// in every mode; throws `KeyRemapError` for an action the table lacks or a key two bindings share.
    public init(remapping remaps: [Remap]) throws(KeyRemapError) {
        var bindings = Keymap.bindings
        let names = Set(bindings.map(\.action.name))
        for remap in remaps {
            guard names.contains(remap.action) else {
                throw KeyRemapError(action: remap.action, kind: .unknownAction(
                    suggestion: Suggestion.closest(to: remap.action, in: names.sorted())))
            }
            guard !remap.keys.isEmpty else { throw KeyRemapError(action: remap.action, kind: .noKeys) }
            for index in bindings.indices where bindings[index].action.name == remap.action {
                bindings[index].keys = remap.keys
            }
        }
        do {
            self.init(remaps: remaps, table: try BindingTable(bindings, checkedIn: KeyContext.Mode.all.map { KeyContext(mode: $0) }))
        } catch {
            throw KeyRemapError(action: remaps.map(\.action).joined(separator: ", "), kind: .clash(error))
        }
    }

    private init(remaps: [Remap], table: BindingTable<UIAction, KeyContext>) {
        self.remaps = remaps
        self.table = table
    }

    /// Every action a remap may name, sorted.
    public static var actionNames: [String] { Set(Keymap.bindings.map(\.action.name)).sorted() }

    /// The first key bound to `action` in `mode`, as texts name it (`?`, `Enter`, `Esc`).
    func key(_ action: UIAction, in mode: KeyContext.Mode) -> String {
        table.keys(for: action, in: KeyContext(mode: mode)).first?.displayName ?? "?"
    }

    /// Every key bound to `action` in `mode`: `n or Esc`.
    func keys(_ action: UIAction, in mode: KeyContext.Mode) -> String {
        table.keys(for: action, in: KeyContext(mode: mode)).map(\.displayName).joined(separator: " or ")
    }

    public static func == (a: KeyTable, b: KeyTable) -> Bool { a.remaps == b.remaps }
    public func hash(into hasher: inout Hasher) { hasher.combine(remaps) }
}
