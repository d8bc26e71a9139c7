import GafferCore

/// What a key asks for; the binding table maps keys to these, `update` carries them out.
public enum UIAction: Sendable, Hashable {
    case nextPane, previousPane, focus(Pane)
    case down, up, top, bottom, pageDown, pageUp
    case previousTab, nextTab
    case startFilter, open, back, openBatches
    case act(JobAction)
    case togglePause, toggleLocalPause
    case mark, markAll
    case freeze, copyID, toggleWrap, toggleTrace
    case slower, faster, refreshNow, redraw, toggleExactCounts
    case help, quit
    case confirmYes, confirmNo
    case quitDetach, quitDrain, quitStop
    case openHistory, switchSpan
    case openLog, cycleLogLevel
    case sortNext, sortPrevious, reverseSort
    /// Jump to a job by id prefix; select every job matching a list's filter; stop a bulk action.
    case find, markAllMatching, cancelBulk
    /// Enable or disable the selected cron key for every cron process; enqueue it now.
    case toggleCron, enqueueCron
    /// One thread more or fewer for the co-hosted worker's pool of the selected slot.
    case moreThreads, fewerThreads
}
