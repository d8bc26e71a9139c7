/// What a piece of the screen means; a theme maps each role to colours and attributes.
///
/// Widgets and screens name roles, never colours, so a theme (or `NO_COLOR`) changes the
/// whole screen at once. The raw value is the role's name in a `.theme` file.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    /// Ordinary text.
    case text
    /// Secondary text: timestamps, zero counts, placeholders.
    case muted
    /// Frame lines of an unfocused pane.
    case border
    /// Frame lines of the focused pane.
    case borderFocused = "border.focused"
    /// Pane and screen titles.
    case title
    /// Table column headers.
    case header
    /// The selected row of the focused table.
    case selection
    /// The selected row of a table that does not have focus.
    case selectionInactive = "selection.inactive"
    /// Marked (multi-selected) rows.
    case marked
    /// Matches of the incremental filter.
    case searchMatch = "search.match"
    /// The status line.
    case status
    /// The status line when it reports an error.
    case statusError = "status.error"
    /// Footer key hint: the label.
    case keyHint = "keyhint"
    /// Footer key hint: the key.
    case keyHintKey = "keyhint.key"
    /// Footer key hint whose action is unavailable right now.
    case keyHintDisabled = "keyhint.disabled"
    /// Something went well: succeeded jobs, healthy processes.
    case ok
    /// Jobs executing now.
    case running = "state.running"
    /// Jobs waiting to run.
    case queued = "state.queued"
    /// Jobs waiting for a future time.
    case scheduled = "state.scheduled"
    /// Jobs that failed and will run again.
    case retried = "state.retried"
    /// Jobs that failed for good.
    case discarded = "state.discarded"
    /// Paused queues, classes, labels, workers.
    case paused = "state.paused"
    /// Needs attention soon.
    case warning
    /// Something failed.
    case error
    /// Neutral information in messages.
    case info
    /// Sparkline bars.
    case sparkline
    /// Filled part of a gauge.
    case gaugeFill = "gauge.fill"
    /// Empty part of a gauge.
    case gaugeEmpty = "gauge.empty"
    /// Full-width banners such as READ-ONLY.
    case banner
    /// An alert at warning level in the header.
    case alertWarning = "alert.warning"
    /// An alert at critical level in the header.
    case alertCritical = "alert.critical"

    /// The role whose style a theme that omits this one uses instead; `nil` for `text`.
    public var fallback: ThemeRole? {
        switch self {
        case .text: nil
        case .borderFocused: .border
        case .selectionInactive, .marked, .searchMatch: .selection
        case .statusError: .error
        case .keyHintKey: .keyHint
        case .keyHintDisabled: .muted
        case .sparkline, .gaugeFill: .ok
        case .gaugeEmpty: .muted
        case .banner, .alertWarning: .warning
        case .alertCritical: .error
        default: .text
        }
    }
}
