import Testing
@testable import TerminalKit

/// A miniature monitor: two panes and a read-only switch.
private enum Pane: CaseIterable { case jobs, queues }

private struct Context: CustomStringConvertible {
    var pane: Pane
    var readOnly = false
    var description: String { "\(pane)\(readOnly ? " read-only" : "")" }
    static let all = [Pane.jobs, .queues].flatMap { [Context(pane: $0), Context(pane: $0, readOnly: true)] }
}

private enum Action: Hashable { case quit, help, down, retry, discard, pauseQueue, refresh, runNow }

private typealias Binding = KeyBinding<Action, Context>

private let readOnlyReason: @Sendable (Context) -> String? = { $0.readOnly ? "read-only" : nil }

private let bindings: [Binding] = [
    Binding([.character("q")], action: .quit, label: "quit", help: "Leave the monitor", footerPriority: 10),
    Binding([.character("?"), .function(1)], action: .help, label: "help", help: "Help for the focused pane", footerPriority: 9),
    Binding([.character("j"), .down], action: .down, help: "Move down"),
    Binding([.character("R")], action: .retry, label: "retry", help: "Retry the selected job", isDestructive: true,
            when: { $0.pane == .jobs }, disabledReason: readOnlyReason),
    Binding([.character("K")], action: .discard, label: "discard", help: "Discard the selected job", isDestructive: true,
            when: { $0.pane == .jobs }, disabledReason: readOnlyReason),
    Binding([.character("p")], action: .pauseQueue, label: "pause", help: "Pause or resume the queue",
            when: { $0.pane == .queues }, disabledReason: readOnlyReason),
    Binding([.ctrl("r")], action: .refresh, help: "Refresh now"),
]

@Suite struct BindingTableTests {
    fileprivate let table: BindingTable<Action, Context>

    init() throws {
        table = try BindingTable(bindings, checkedIn: Context.all)
    }

    @Test func dispatchDependsOnTheContext() {
        let jobs = Context(pane: .jobs)
        let queues = Context(pane: .queues)
        #expect(table.action(for: .character("q"), in: jobs) == .quit)
        #expect(table.action(for: .function(1), in: queues) == .help)
        #expect(table.action(for: .down, in: jobs) == .down)
        #expect(table.action(for: .character("R"), in: jobs) == .retry)
        #expect(table.action(for: .character("R"), in: queues) == nil)
        #expect(table.action(for: .character("p"), in: queues) == .pauseQueue)
        #expect(table.action(for: .character("r"), in: jobs) == nil)
        #expect(table.action(for: .ctrl("R"), in: jobs) == .refresh)
    }

    @Test func disabledActionsAreMatchedButNotDispatched() throws {
        let readOnly = Context(pane: .jobs, readOnly: true)
        #expect(table.action(for: .character("R"), in: readOnly) == nil)
        let match = try #require(table.match(for: .character("R"), in: readOnly))
        #expect(match.action == .retry)
        #expect(match.isDestructive)
        #expect(match.disabledReason == "read-only")
        #expect(table.match(for: .character("x"), in: readOnly) == nil)
    }

    @Test func footerShowsLabelledActiveBindingsThatFit() {
        let jobs = Context(pane: .jobs)
        #expect(table.footerHints(in: jobs, width: 80).map(\.key) == ["q", "?", "R", "K"])
        #expect(table.footerHints(in: Context(pane: .queues), width: 80).map(\.key) == ["q", "?", "p"])
        #expect(table.footerHints(in: jobs, width: 20) == [
            KeyHint(key: "q", label: "quit", priority: 10),
            KeyHint(key: "?", label: "help", priority: 9),
        ])
        let readOnly = table.footerHints(in: Context(pane: .jobs, readOnly: true), width: 80)
        #expect(readOnly.map(\.isEnabled) == [true, true, false, false])
    }

    @Test func helpListsEveryActiveBindingWithAllItsKeys() {
        #expect(table.helpLines(in: Context(pane: .jobs, readOnly: true)) == [
            HelpLine(keys: "q", help: "Leave the monitor"),
            HelpLine(keys: "?, F1", help: "Help for the focused pane"),
            HelpLine(keys: "j, ↓", help: "Move down"),
            HelpLine(keys: "R", help: "Retry the selected job", isDestructive: true, disabledReason: "read-only"),
            HelpLine(keys: "K", help: "Discard the selected job", isDestructive: true, disabledReason: "read-only"),
            HelpLine(keys: "^R", help: "Refresh now"),
        ])
    }

    @Test func aDuplicateKeyInTheSameContextIsRejected() {
        let clash = bindings + [Binding([.character("R")], action: .runNow, label: "run now", help: "Run the job now", when: { $0.pane == .jobs })]
        let error = #expect(throws: BindingTableError.self) { try BindingTable(clash, checkedIn: Context.all) }
        #expect(error?.code == .duplicateKey)
        #expect(error?.description == "key R is bound to both 'retry' and 'run now' in context jobs (change a key or narrow a binding's context)")
    }

    @Test func theSameKeyInDisjointContextsIsAllowed() throws {
        let shared = bindings + [Binding([.character("R")], action: .runNow, label: "run now", help: "Run the queue's jobs now", when: { $0.pane == .queues })]
        let table = try BindingTable(shared, checkedIn: Context.all)
        #expect(table.action(for: .character("R"), in: Context(pane: .queues)) == .runNow)
        #expect(table.action(for: .character("R"), in: Context(pane: .jobs)) == .retry)
    }

    @Test func ctrlKeysClashRegardlessOfLetterCase() {
        let clash = bindings + [Binding([.ctrl("R")], action: .runNow, help: "Run now")]
        let error = #expect(throws: BindingTableError.self) { try BindingTable(clash, checkedIn: Context.all) }
        #expect(error?.key == "^R")
        #expect(error?.bindings == ["Refresh now", "Run now"])
    }

    @Test func bindingsNeedKeysAndHelp() {
        let noKeys = #expect(throws: BindingTableError.self) {
            try BindingTable([Binding([], action: .quit, label: "quit", help: "Leave")], checkedIn: Context.all)
        }
        #expect(noKeys?.code == .noKeys)
        let noHelp = #expect(throws: BindingTableError.self) {
            try BindingTable([Binding([.character("q")], action: .quit, label: "quit", help: "")], checkedIn: Context.all)
        }
        #expect(noHelp?.description == "binding for q has no help text (every binding appears on the help screen)")
    }

    @Test func caseIterableContextsAreCheckedAutomatically() {
        let clash: [KeyBinding<Action, Pane>] = [
            KeyBinding([.character("x")], action: .quit, help: "one"),
            KeyBinding([.character("x")], action: .help, help: "two", when: { $0 == .queues }),
        ]
        let error = #expect(throws: BindingTableError.self) { try BindingTable(clash) }
        #expect(error?.context == "queues")
    }
}
