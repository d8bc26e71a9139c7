import TerminalKit

/// The one binding table of the monitor (tui-conventions §5): dispatch, the footer and the help
/// screen all read it.
public enum Keymap {
    public typealias Binding = KeyBinding<UIAction, KeyContext>

    public static let table: BindingTable<UIAction, KeyContext> = {
        do {
            return try BindingTable(bindings, checkedIn: KeyContext.Mode.all.map { KeyContext(mode: $0) })
        } catch {
            // The table is a constant; KeymapTests builds it, so this cannot happen in a tested build.
            fatalError("\(error)")
        }
    }()

    static func ch(_ c: Character) -> Key { .character(c) }

    static func when(_ test: @escaping @Sendable (KeyContext.Mode) -> Bool) -> @Sendable (KeyContext) -> Bool {
        { test($0.mode) }
    }

    static let inPane = when(\.isPane)
    static let browsing = when(\.isBrowsing)
    static let listing = when { $0.isPane || $0 == .jobs || $0 == .batches }
    static let scrolling = when { $0.isBrowsing || $0 == .help || $0 == .batches || $0.isView }
    static let inOverlay = when { $0 == .jobs || $0 == .detail || $0 == .help || $0 == .batches || $0.isView }
    static let sorting = when { $0.isPane || $0 == .jobs }
    /// Browsing where rows are jobs: everywhere but the Cron pane, whose `E` enqueues its key now.
    static let browsingJobs = when { $0.isBrowsing && $0 != .pane(.cron) }
    static let inCron = when { $0 == .pane(.cron) }
    static let looking = when { $0.isBrowsing || $0 == .batches || $0.isView }
    static func reason(_ action: UIAction) -> @Sendable (KeyContext) -> String? { { Availability.reason(action, $0) } }

    static let bindings: [Binding] = [
        Binding([ch("?"), .function(1)], action: .help, label: "help", help: "Help for these keys",
                footerPriority: 9, when: looking),
        Binding([ch("q")], action: .quit, label: "quit", help: "Quit (asks detach, drain or stop when a worker runs)",
                footerPriority: 10, when: inPane),
        Binding([.escape, ch("q")], action: .back, label: "back", help: "Close this view (Esc first clears marks)",
                footerPriority: 10, when: inOverlay),
        Binding([.escape], action: .back, help: "Clear the filter", when: inPane),
        Binding([.tab], action: .nextPane, label: "pane", help: "Next pane", footerPriority: 3, when: inPane),
        Binding([.backTab], action: .previousPane, help: "Previous pane", when: inPane),
    ] + Pane.allCases.map { pane in
        Binding([ch(Character(String(pane.rawValue + 1)))], action: .focus(pane), help: "Go to the \(pane.title) pane",
                when: inPane)
    } + [
        Binding([ch("j"), .down], action: .down, help: "Move down", when: scrolling),
        Binding([ch("k"), .up], action: .up, help: "Move up", when: scrolling),
        Binding([ch("g"), .home], action: .top, help: "Go to the top", when: scrolling),
        Binding([ch("G"), .end], action: .bottom, help: "Go to the bottom", when: scrolling),
        Binding([.pageDown], action: .pageDown, help: "Page down", when: scrolling),
        Binding([.pageUp], action: .pageUp, help: "Page up", when: scrolling),
        Binding([ch("h"), .left], action: .previousTab, label: "state", help: "Previous job state",
                footerPriority: 4, when: when { $0 == .jobs }),
        Binding([ch("l"), .right], action: .nextTab, help: "Next job state", when: when { $0 == .jobs }),
        Binding([ch("/")], action: .startFilter, label: "filter",
                help: "Filter rows; qualifiers queue: class: label: error:, ! inverts", footerPriority: 6, when: listing),
        Binding([.enter], action: .open, label: "open",
                help: "Open: jobs of a queue, concurrency key, failure group, cron key or batch; a job's detail", footerPriority: 8, when: listing),
        Binding([ch("b")], action: .openBatches, label: "batches",
                help: "Batches: progress, state and callbacks of the newest 50", footerPriority: 1, when: inPane),
        Binding([ch("R")], action: .act(.retry), label: "retry", help: "Retry discarded jobs", isDestructive: true,
                footerPriority: 7, when: browsing, disabledReason: reason(.act(.retry))),
        Binding([ch("K")], action: .act(.discard), label: "discard", help: "Discard waiting jobs",
                isDestructive: true, footerPriority: 5, when: browsing, disabledReason: reason(.act(.discard))),
        Binding([ch("E")], action: .act(.reschedule), label: "run now", help: "Run waiting jobs now (reschedule)",
                isDestructive: true, footerPriority: 5, when: browsingJobs, disabledReason: reason(.act(.reschedule))),
        Binding([ch("D")], action: .act(.destroy), label: "destroy", help: "Destroy finished jobs and their attempts",
                isDestructive: true, footerPriority: 4, when: browsing, disabledReason: reason(.act(.destroy))),
        Binding([ch("p")], action: .togglePause, label: "pause",
                help: "Pause/resume the queue, or the job class, for every worker", footerPriority: 6,
                when: browsing, disabledReason: reason(.togglePause)),
        Binding([ch("P")], action: .toggleLocalPause, label: "pause worker",
                help: "Pause/resume this worker's claiming (running jobs go on)", footerPriority: 2,
                when: browsing, disabledReason: reason(.toggleLocalPause)),
        Binding([ch(" "), ch("x")], action: .mark, label: "mark", help: "Mark or unmark the job",
                footerPriority: 3, when: when { $0 == .jobs }),
        Binding([ch("A")], action: .markAll, help: "Mark every job shown (again: unmark all)",
                when: when { $0 == .jobs }),
        Binding([ch("w")], action: .toggleWrap, label: "wrap", help: "Wrap or cut long lines",
                footerPriority: 2, when: when { $0 == .detail }),
        Binding([ch("t")], action: .toggleTrace, label: "trace",
                help: "Backtraces: the application's frames only, or the full trace", footerPriority: 3,
                when: when { $0 == .detail }),
        Binding([ch("Z")], action: .freeze, label: "freeze", help: "Freeze the screen (data keeps coming)",
                footerPriority: 1, when: browsing),
        Binding([ch("y")], action: .copyID, help: "Copy the job id to the clipboard (OSC 52)", when: browsing,
                disabledReason: reason(.copyID)),
        Binding([ch("+")], action: .slower, help: "Refresh less often", when: looking),
        Binding([ch("-")], action: .faster, help: "Refresh more often", when: looking),
        Binding([.ctrl("r")], action: .refreshNow, help: "Refresh now", when: looking),
        Binding([.ctrl("l")], action: .redraw, help: "Redraw the screen", when: looking),
        Binding([ch("#")], action: .toggleExactCounts,
                help: "Count queues and failures exactly, or estimate (≈) above 10,000 unfinished jobs", when: looking),
        Binding([ch("y")], action: .confirmYes, label: "yes", help: "Do it", footerPriority: 10,
                when: when { $0 == .confirm }),
        Binding([ch("n"), .escape], action: .confirmNo, label: "no", help: "Cancel", footerPriority: 10,
                when: when { $0 == .confirm }),
        Binding([.escape, ch("n")], action: .confirmNo, label: "stay", help: "Stay on the screen", footerPriority: 10,
                when: when { $0 == .quit }),
        Binding([ch("d")], action: .quitDetach, label: "detach", help: "Close the screen; the worker keeps running",
                footerPriority: 9, when: when { $0 == .quit }),
        Binding([ch("w")], action: .quitDrain, label: "drain", help: "Stop claiming, finish running jobs, exit",
                footerPriority: 9, when: when { $0 == .quit }),
        Binding([ch("s")], action: .quitStop, label: "stop now", help: "Stop now, cancelling running jobs",
                footerPriority: 9, when: when { $0 == .quit }),
        Binding([ch("H")], action: .openHistory, label: "history",
                help: "History: jobs finished and failed per minute (1 h) or per 10 min (24 h), per queue",
                footerPriority: 1, when: inPane),
        Binding([.tab], action: .switchSpan, label: "1h/24h", help: "Switch between the last hour and the last 24 h",
                footerPriority: 8, when: when { $0 == .history }),
        Binding([ch("L")], action: .openLog, label: "log",
                help: "Log of this worker: its last lines, scrollable, filtered by level", footerPriority: 1,
                when: inPane, disabledReason: reason(.openLog)),
        Binding([ch("v")], action: .cycleLogLevel, label: "level",
                help: "Least level shown: debug, info, warn, error", footerPriority: 8, when: when { $0 == .log }),
        Binding([ch(">")], action: .sortNext, label: "sort",
                help: "Sort by the next column (a job list: its time, or when created)", footerPriority: 1, when: sorting),
        Binding([ch("<")], action: .sortPrevious, help: "Sort by the previous column", when: sorting),
        Binding([ch("I")], action: .reverseSort, help: "Reverse the sort", when: sorting),
    ] + operatorBindings + cronBindings + threadBindings

    /// Finding a job, acting on every match, force-discard (issue 16).
    static let operatorBindings: [Binding] = [
        Binding([ch("f")], action: .find, label: "find id", help: "Find a job by its id or the start of it, and open it",
                footerPriority: 1, when: looking),
        Binding([ch("*")], action: .markAllMatching, label: "all matching",
                help: "Select every job matching the list's filter in the whole table (again: unselect)",
                footerPriority: 2, when: when { $0 == .jobs }),
        Binding([ch("X")], action: .act(.forceDiscard), label: "force discard",
                help: "Force-discard a running job whose process is gone or stuck", isDestructive: true,
                footerPriority: 1, when: browsing, disabledReason: reason(.act(.forceDiscard))),
        Binding([.escape], action: .cancelBulk, label: "stop", help: "Stop after the chunk being written",
                footerPriority: 10, when: when { $0 == .progress }),
    ]

    /// Cron control in the Cron pane (issue 16): on/off for the fleet and enqueue now; Enter (`open`) lists its jobs.
    static let cronBindings: [Binding] = [
        Binding([ch("e")], action: .toggleCron, label: "on/off",
                help: "Enable or disable the cron key for every cron process (GoodJob's cron_keys_enabled/disabled)",
                isDestructive: true, footerPriority: 8, when: inCron, disabledReason: reason(.toggleCron)),
        Binding([ch("E")], action: .enqueueCron, label: "enqueue now",
                help: "Enqueue the cron key's job now (cron_at = now), as GoodJob's dashboard does; on or off",
                isDestructive: true, footerPriority: 8, when: inCron, disabledReason: reason(.enqueueCron)),
    ]

    /// The co-hosted worker's thread count, pool by pool, while it runs (issue 16). `+` and `-` are
    /// the refresh speed, so the brackets.
    static let threadBindings: [Binding] = [
        Binding([ch("]")], action: .moreThreads, label: "+thread",
                help: "One more thread for the selected slot's pool; it claims at once", footerPriority: 4,
                when: when { $0 == .pane(.threads) }, disabledReason: reason(.moreThreads)),
        Binding([ch("[")], action: .fewerThreads, label: "-thread",
                help: "One thread fewer: an idle slot goes now, a busy one (last) when its job ends",
                footerPriority: 4, when: when { $0 == .pane(.threads) }, disabledReason: reason(.fewerThreads)),
    ]
}

extension Keymap {
    /// The first key bound to `action` in `mode`, as texts name it (`?`, `Enter`, `Esc`).
    static func key(_ action: UIAction, in mode: KeyContext.Mode) -> String {
        table.keys(for: action, in: KeyContext(mode: mode)).first?.displayName ?? "?"
    }

    /// Every key bound to `action` in `mode`: `n or Esc`.
    static func keys(_ action: UIAction, in mode: KeyContext.Mode) -> String {
        table.keys(for: action, in: KeyContext(mode: mode)).map(\.displayName).joined(separator: " or ")
    }
}
