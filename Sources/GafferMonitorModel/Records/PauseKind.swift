/// What a pause applies to; the raw value is the key inside the `pauses` setting.
public enum PauseKind: String, Sendable, Hashable, CaseIterable {
    case queue = "queues"
    case jobClass = "job_classes"
    case label = "labels"

    /// "queue", "class", "label".
    public var noun: String {
        switch self {
        case .queue: "queue"
        case .jobClass: "class"
        case .label: "label"
        }
    }
}
