#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferMonitorModel
import TerminalKit

/// One row of a pane: its stable key, its cells, what the filter sees, and what it stands for.
struct PaneRow: Sendable {
    var key: String
    var cells: [TableCell]
    var fields: RowFields
    var target: Target

    enum Target: Sendable {
        case localSlot(LocalWorkerSnapshot.Slot, paused: Bool)
        case runningJob(RunningJob)
        case queue(name: String, paused: Bool)
        case concurrencyKey(String)
        case failure(FailureGroup)
        /// A cron key; its newest job when it has run, the state of its newest job, whether it is on.
        case cron(key: String, lastJobID: UUID?, lastState: JobState?, enabled: Bool)
        case process(ProcessRecord)
    }

    /// The selection kind of this row, for the binding table's availability checks.
    var selected: KeyContext.Selected {
        switch target {
        case .localSlot(let slot, _): slot.job == nil ? .other : .job(.running)
        case .runningJob: .job(.running)
        case .queue: .queue
        case .failure(let group): .failureGroup(group.kind)
        // Which cron keys this app can enqueue is the state's to know (`UIState.keyContext`).
        case .cron: .cron(runnable: false)
        case .concurrencyKey, .process: .other
        }
    }

    /// The job this row is about, if any (for `y` and `Enter`).
    var jobID: UUID? {
        switch target {
        case .localSlot(let slot, _): slot.job?.id
        case .runningJob(let job): job.id
        case .failure(let group): group.latestJobID
        case .cron(_, let lastJobID, _, _): lastJobID
        default: nil
        }
    }
}

/// A pane's table: columns, filtered rows, the frame's trailing text and what to say when empty.
struct PaneContent: Sendable {
    var columns: [TableColumn]
    var rows: [PaneRow]
    var trailing: String
    var emptyMessage: String

    var keys: [String] { rows.map(\.key) }
}
