#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// How old the history may get while its view is open before a refresh reloads it.
    static let historyReload: Double = 10

    static func openHistory(_ state: inout UIState) -> [Effect] {
        state.overlays.append(.history(HistoryView()))
        return [.loadHistory(.hour)]
    }

    /// Tab in the history: the other span, loaded afresh; the selected queue stays selected.
    static func switchSpan(_ state: inout UIState) -> [Effect] {
        guard case .history(var view) = state.topOverlay else { return [] }
        view.span = view.span.other
        view.history = nil
        state.replaceTop(.history(view))
        return [.loadHistory(view.span)]
    }

    static func cycleLogLevel(_ state: inout UIState) {
        guard case .log(var view) = state.topOverlay else { return }
        view.minimum = view.nextMinimum
        view.fromBottom = 0
        state.replaceTop(.log(view))
        state.status = StatusMessage(view.minimum == .debug ? "showing every line" : "showing \(view.minimum.name) and above")
    }

    /// Scrolls the log: up (negative) goes back in time, down towards the newest line, where it follows.
    static func scrollLog(_ view: LogView, _ state: UIState, _ snapshot: MonitorSnapshot, by delta: Int) -> LogView {
        var view = view
        let shown = logLines(view, snapshot).count
        let rows = max(1, Frame.inner(screenRows(Rect(state.viewport))[1]).height - 1)
        view.fromBottom = min(max(0, view.fromBottom - delta), max(0, shown - rows))
        return view
    }

    /// The local worker's lines at or above the view's level, oldest first.
    static func logLines(_ view: LogView, _ snapshot: MonitorSnapshot) -> [LogEntry] {
        (snapshot.local?.log.lines ?? []).filter { $0.level >= view.minimum }
    }
}

extension UIState {
    /// Puts loaded history into the open history view of its span.
    public mutating func receive(history: JobHistory) {
        for (index, overlay) in overlays.enumerated() {
            guard case .history(var view) = overlay, view.span == history.span else { continue }
            view.history = history
            overlays[index] = .history(view)
        }
    }

    /// The history view's reload after a refresh at `now`, once its counts are `historyReload` old.
    func historyEffects(at now: Date) -> [Effect] {
        guard case .history(let view)? = overlays.last(where: { if case .history = $0 { true } else { false } }),
              let history = view.history, now.timeIntervalSince(history.now) >= MonitorUI.historyReload
        else { return [] }
        return [.loadHistory(view.span)]
    }
}
