import GafferMonitorModel

/// What the operator chose for the screen beyond the data: alert limits, the bell, the key table.
///
/// The default has every alert off: the command line always passes the operator's limits (their
/// defaults are `AlertThresholds.defaults`), so a screen built without them, a test's or a benchmark's, draws no alert.
public struct ScreenSettings: Sendable, Hashable {
    public var alerts: AlertThresholds
    /// Ring the terminal bell once each time an alert newly reaches warning or critical.
    public var bell: Bool
    public var keys: KeyTable

    public init(alerts: AlertThresholds = .none, bell: Bool = false, keys: KeyTable = .standard) {
        self.alerts = alerts
        self.bell = bell
        self.keys = keys
    }
}
