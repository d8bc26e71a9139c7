import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// The header's alert: the worst breach's level and summary, and how many more there are
    /// (` CRITICAL default waits 17m +1 `); nil while every alert is ok or before the first refresh.
    static func alertBadge(_ s: MonitorSnapshot, _ state: UIState) -> (String, ThemeRole)? {
        guard !s.refresh.isLoading else { return nil }
        let breaches = AlertCheck.breaches(AlertCheck.evaluate(s.alertInputs, state.settings.alerts, now: s.takenAt))
        guard let worst = breaches.first else { return nil }
        let more = breaches.count > 1 ? " +\(breaches.count - 1)" : ""
        return (" \(worst.level.word) \(Format.clean(worst.summary))\(more) ", worst.level == .critical ? .alertCritical : .alertWarning)
    }
}
