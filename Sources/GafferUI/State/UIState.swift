#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

/// Everything the screen remembers between frames besides the data: focus, selections, filter,
/// marks, overlays, the freeze flag and the last status message.
public struct UIState: Sendable, Hashable {
    public var focus: Pane = .threads
    public var selections: [Pane: RowSelection] = [:]
    public var filter = Filter()
    /// Each pane's sort (`<` `>` `I`); a pane without one keeps its own order.
    public var paneSorts: [Pane: ColumnSort] = [:]
    /// True while the user types the filter after `/`.
    public var isEditingFilter = false
    /// The id typed after the find key, while it is typed.
    public var findText: String?
    /// Overlays, the top one last.
    public var overlays: [Overlay] = []
    /// True while the screen shows the snapshot taken when `Z` was pressed (data keeps coming).
    public var frozen = false
    public var status: StatusMessage?
    /// The terminal's size at the last frame: scrolling a text view stops once its last line shows.
    public var viewport = MonitorUI.minimumSize
    public let readOnly: Bool
    public let hasLocalWorker: Bool
    /// The cron keys this app declares: `E` in the Cron pane can enqueue them now.
    public var runnableCronKeys: Set<String> = []
    /// Alert limits, bell and key remaps from flags and the config file.
    public var settings = ScreenSettings()
    /// Each alert's level at the last snapshot: the bell rings only when one rises.
    public var alertLevels: [AlertMetric: AlertLevel] = [:]

    public init(readOnly: Bool = false, hasLocalWorker: Bool = false) {
        self.readOnly = readOnly
        self.hasLocalWorker = hasLocalWorker
    }

    public var topOverlay: Overlay? { overlays.last }

    public func selection(_ pane: Pane) -> RowSelection { selections[pane] ?? RowSelection() }
}

/// One line for the status bar: what just happened, or what went wrong.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
