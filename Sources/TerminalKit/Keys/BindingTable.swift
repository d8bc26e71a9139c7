/// All key bindings of an application: one table drives dispatch, the footer and the help screen.
///
/// The table is checked when it is built: no binding without keys or help text, and no key
/// claimed by two bindings in any of the contexts it is checked against. Because
/// contexts are judged by predicates, the caller lists the contexts that can occur.
public struct BindingTable<Action: Sendable, Context>: Sendable {
    public let bindings: [KeyBinding<Action, Context>]

    /// A table checked in every context of `contexts`.
    public init(
        _ bindings: [KeyBinding<Action, Context>],
        checkedIn contexts: some Sequence<Context>
    ) throws(BindingTableError) {
        for binding in bindings {
            if binding.keys.isEmpty { throw BindingTableError(.noKeys, bindings: [binding.label.isEmpty ? binding.help : binding.label]) }
            if binding.help.isEmpty { throw BindingTableError(.missingHelp, key: binding.keyNames, bindings: [binding.label]) }
        }
        for context in contexts {
            var owner: [Key: Int] = [:]
            for (index, binding) in bindings.enumerated() where binding.isActive(context) {
                for key in binding.keys {
                    if let first = owner[key.normalized] {
                        throw BindingTableError(
                            .duplicateKey,
                            key: key.displayName,
                            bindings: [Self.name(of: bindings[first]), Self.name(of: binding)],
                            context: String(describing: context)
                        )
                    }
                    owner[key.normalized] = index
                }
            }
        }
        self.bindings = bindings
    }

    /// The binding `key` triggers in `context`, with its availability; `nil` if none.
    public func match(for key: Key, in context: Context) -> BindingMatch<Action>? {
        let key = key.normalized
        for binding in bindings where binding.isActive(context) && binding.keys.contains(where: { $0.normalized == key }) {
            return BindingMatch(action: binding.action, isDestructive: binding.isDestructive, disabledReason: binding.disabledReason(context))
        }
        return nil
    }

    /// The action `key` triggers in `context`, or `nil` if the key is unbound there or the action is disabled.
    public func action(for key: Key, in context: Context) -> Action? {
        guard let match = match(for: key, in: context), match.disabledReason == nil else { return nil }
        return match.action
    }

    /// The keys of the first binding for `action` active in `context`, in table order (empty if none):
    /// what a hint or a dialog names, so no text repeats a key the table could change.
    public func keys(for action: Action, in context: Context) -> [Key] where Action: Equatable {
        bindings.first { $0.action == action && $0.isActive(context) }?.keys ?? []
    }

    /// Footer hints for the active, labelled bindings, dropped by priority to fit one row of `width`.
    public func footerHints(in context: Context, width: Int) -> [KeyHint] {
        let hints = bindings.filter { $0.isActive(context) && !$0.label.isEmpty }.map { binding in
            KeyHint(
                key: binding.keys[0].displayName,
                label: binding.label,
                isEnabled: binding.disabledReason(context) == nil,
                priority: binding.footerPriority
            )
        }
        return KeyHints(hints).fitting(width: width)
    }

    /// One help line per binding active in `context`, in table order.
    public func helpLines(in context: Context) -> [HelpLine] {
        bindings.filter { $0.isActive(context) }.map { binding in
            HelpLine(keys: binding.keyNames, help: binding.help, isDestructive: binding.isDestructive, disabledReason: binding.disabledReason(context))
        }
    }

    private static func name(of binding: KeyBinding<Action, Context>) -> String {
        binding.label.isEmpty ? binding.help : binding.label
    }
}

extension BindingTable where Context: CaseIterable {
    /// A table checked in every case of `Context`.
    public init(_ bindings: [KeyBinding<Action, Context>]) throws(BindingTableError) {
        try self.init(bindings, checkedIn: Context.allCases)
    }
}
