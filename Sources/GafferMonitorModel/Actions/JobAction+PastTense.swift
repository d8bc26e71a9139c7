import GafferCore

extension JobAction {
    /// "retried", "discarded", "rescheduled", "destroyed".
    public var pastTense: String {
        switch self {
        case .retry: "retried"
        case .discard: "discarded"
        case .reschedule: "rescheduled"
        case .destroy: "destroyed"
        }
    }
}
