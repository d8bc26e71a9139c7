#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A job's state as GoodJob's dashboard names it.
///
/// GoodJob computes it two ways that do not always agree, and both are reproduced here:
/// `filters(matching:now:)` is the SQL behind the state tabs and their counts, and
/// `status(of:now:)` is the badge on each row. Notable quirk of the tabs: a job retried once has
/// `executions == 1`, so it counts as *scheduled*; only from the second retry on is it *retried*.
public enum JobState: String, Sendable, Hashable, CaseIterable {
    case scheduled
    case retried
    case queued
    case running
    case succeeded
    case discarded

    /// The tabs whose SQL scope selects this row, in tab order: usually one, possibly none (no
    /// `executions` key, or a NULL `scheduled_at`) or two (running with a future `scheduled_at`).
    public static func filters(matching row: JobStateFields, now: Date) -> [JobState] {
        let unfinished = row.finishedAt == nil
        let scheduledLater = row.scheduledAt.map { $0 > now } ?? false
        let scheduledDue = row.scheduledAt.map { $0 <= now } ?? false
        var states: [JobState] = []
        if unfinished, scheduledLater, let executions = row.serializedExecutions, executions < 2 {
            states.append(.scheduled)
        }
        if unfinished, scheduledLater, let executions = row.serializedExecutions, executions > 1 {
            states.append(.retried)
        }
        if unfinished, row.performedAt == nil, scheduledDue {
            states.append(.queued)
        }
        if unfinished, row.performedAt != nil {
            states.append(.running)
        }
        if !unfinished {
            states.append(row.error == nil ? .succeeded : .discarded)
        }
        return states
    }

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
