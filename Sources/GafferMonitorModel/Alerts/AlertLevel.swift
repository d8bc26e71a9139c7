/// How bad one alert's value is: the Nagios states a check reports, in order.
public enum AlertLevel: Int, Sendable, Hashable, Comparable, CaseIterable {
    case ok = 0
    case warning = 1
    case critical = 2

    /// `OK`, `WARNING`, `CRITICAL`, as Nagios plugins print them.
    public var word: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        }
    }

    public static func < (a: AlertLevel, b: AlertLevel) -> Bool { a.rawValue < b.rawValue }
}
