import GafferCore

extension JobAction {
    /// "retried", "discarded", "rescheduled", "destroyed", "force-discarded".
    public var pastTense: String {
        switch self {
        case .retry: "retried"
        case .discard: "discarded"
        case .reschedule: "rescheduled"
        case .destroy: "destroyed"
        case .forceDiscard: "force-discarded"
        }
    }
}
