/// A job's derived state as a list shows it (contract §2.2, the per-row badge, evaluated in order).
public enum JobListState: String, Sendable, Hashable, CaseIterable {
    case queued, scheduled, retried, running, succeeded, discarded
}
