#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel

extension UIState {
    /// Notes each alert's level in a new snapshot; asks for the bell when one rose (ok to warning,
    /// warning to critical) and the bell is on, so a breach rings once, not at every refresh.
    public mutating func noteAlerts(_ snapshot: MonitorSnapshot) -> [Effect] {
        guard !snapshot.refresh.isLoading else { return [] }
        let alerts = AlertCheck.evaluate(snapshot.alertInputs, settings.alerts, now: snapshot.takenAt)
        let rose = alerts.contains { $0.level > (alertLevels[$0.metric] ?? .ok) }
        alertLevels = Dictionary(uniqueKeysWithValues: alerts.map { ($0.metric, $0.level) })
        return rose && settings.bell ? [.bell] : []
    }
}
