import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Key remaps from the config file: applied to the one binding table, so dispatch, footer and help follow.
@Suite struct KeyRemapTests {
    static func state(_ remaps: [KeyTable.Remap]) throws -> UIState {
        var state = UIState(hasLocalWorker: true)
        state.settings.keys = try KeyTable(remapping: remaps)
        return state
    }

    @Test func aRemappedKeyDispatchesAndTheOldOneNoLonger() throws {
        let state = try Self.state([KeyTable.Remap(action: "open-history", keys: [.character("U")])])
        let (opened, effects) = MonitorUI.update(state, key: .character("U"), snapshot: Fixtures.snapshot)
        #expect(effects == [.loadHistory(.hour)])
        #expect(opened.overlays.count == 1)
        let (unchanged, none) = MonitorUI.update(state, key: .character("H"), snapshot: Fixtures.snapshot)
        #expect(none.isEmpty)
        #expect(unchanged.overlays.isEmpty)
    }

    @Test func footerAndHelpShowTheNewKey() throws {
        let state = try Self.state([KeyTable.Remap(action: "open-history", keys: [.character("U"), .function(5)])])
        let text = MonitorUI.render(Fixtures.snapshot, state, width: 200, height: 60).text()
        let footer = text.split(separator: "\n", omittingEmptySubsequences: false)[58]
        #expect(footer.contains("U history"))
        let help = MonitorUI.helpLines(state.keyContext(Fixtures.snapshot), keys: state.settings.keys).map(\.text)
        #expect(help.contains { $0.hasPrefix("U, F5") && $0.contains("History") })
        #expect(!help.contains { $0.hasPrefix("H ") })
    }

    @Test func anActionNamedInEveryBindingMovesEverywhere() throws {
        // `back` is bound twice (overlays: Esc q; panes: Esc): both take the new key.
        let table = try KeyTable(remapping: [KeyTable.Remap(action: "back", keys: [.character("B")])])
        #expect(table.table.bindings.filter { $0.action == .back }.allSatisfy { $0.keys == [.character("B")] })
    }

    @Test func anUnknownActionIsRefusedWithASuggestion() {
        #expect {
            try KeyTable(remapping: [KeyTable.Remap(action: "open-histroy", keys: [.character("U")])])
        } throws: { error in
            "\(error)".hasPrefix("no action \"open-histroy\": did you mean open-history? ")
        }
    }

    @Test func aClashingKeyIsRefusedNamingBothBindings() {
        // j moves down wherever rows scroll: retry on j would make it do two things.
        #expect {
            try KeyTable(remapping: [KeyTable.Remap(action: "retry", keys: [.character("j")])])
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("j would do two things: it is bound to both ") && text.contains("'retry'")
        }
    }

    @Test func everyActionHasOneNameAndDistinctActionsDistinctNames() {
        var byName: [String: UIAction] = [:]
        for binding in Keymap.table.bindings {
            if let other = byName[binding.action.name] { #expect(other == binding.action, "\(binding.action.name)") }
            byName[binding.action.name] = binding.action
        }
        #expect(byName["retry"] == .act(.retry))
        #expect(byName["force-discard"] == .act(.forceDiscard))
        #expect(byName["focus-queues"] == .focus(.queues))
        #expect(byName["toggle-local-pause"] == .toggleLocalPause)
    }

    @Test(arguments: [("U", Key.character("U")), ("^R", .ctrl("r")), ("ctrl-x", .ctrl("x")), ("F5", .function(5)),
                      ("PgDn", .pageDown), ("escape", .escape), ("Space", .character(" ")), ("S-Tab", .backTab)])
    func keyNamesRead(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test(arguments: ["", "F25", "ctrl", "hello", "\u{1b}"])
    func badKeyNamesAreNil(name: String) {
        #expect(Key(name: name) == nil)
    }
}

/// The README lists every action a `[keys]` remap may name, so the list cannot drift from the table.
@Suite struct KeyRemapReadmeTests {
    @Test func theReadmeNamesEveryAction() throws {
        let readme = try String(contentsOf: SnapshotFile.directory.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        guard let section = readme.components(separatedBy: "## Config file").dropFirst().first?
            .components(separatedBy: "\n## ").first else { Issue.record("no Config file section"); return }
        let listed = section.components(separatedBy: "The actions:").dropFirst().first?
            .components(separatedBy: ".\n").first ?? ""
        let names = Set(listed.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init))
        #expect(names == Set(KeyTable.actionNames), "missing: \(Set(KeyTable.actionNames).subtracting(names)), extra: \(names.subtracting(KeyTable.actionNames))")
    }
}
