#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A job's state as a list and its badge show it (contract §2.2, GoodJob's `Reportable#status`).
///
/// `status(of:now:)` is the reference the store's SQL is tested against (`JobStateSQLTests`): the
/// per-row state and the list predicates must give the state it gives, except where that test names
/// a difference. GoodJob's state *tabs* (the `executions < 2` quirk) are not reproduced: Gaffer's lists
/// partition jobs by this badge.
public enum JobState: String, Sendable, Hashable, CaseIterable {
    case queued
    case scheduled
    case retried
    case running
    case succeeded
    case discarded

    /// The badge GoodJob shows for one row (`Reportable#status`): exactly one state.
    public static func status(of row: JobStateFields, now: Date) -> JobState {
        if row.finishedAt != nil {
            return row.hasPresentError ? .discarded : .succeeded
        }
        if row.performedAt != nil {
            return .running
        }
        if (row.scheduledAt ?? row.createdAt) <= now {
            return .queued
        }
        return row.hasPresentError ? .retried : .scheduled
    }
}
