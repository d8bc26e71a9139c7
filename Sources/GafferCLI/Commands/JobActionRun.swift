import ArgumentParser
import Foundation
import GafferMonitor
import GafferStore
import Postgres

/// Applies a store-level job action (contract §9) to jobs and reports it: one summary line on
/// stdout; with `perJobNotes`, one stderr line per refused job and exit status 1 when any was refused.
enum JobActionRun {
    static func perform(_ action: GafferStore.JobAction, ids: [UUID], scheduledAt: Date? = nil,
                        perJobNotes: Bool = true, on db: PostgresConnection) async throws {
        var report = ActionReport(verb: action.pastTense)
        for id in ids {
            switch try await JobActions.perform(action, id: id, now: Date(), scheduledAt: scheduledAt, on: db) {
            case .done:
                report.done += 1
            case .refused(let reason):
                report.refused.append(reason)
                if perJobNotes { Terminal.note("job \(id.uuidString.lowercased()) not \(action.pastTense): \(reason)") }
            }
        }
        Terminal.line(report.summary)
        if perJobNotes && !report.refused.isEmpty { throw ExitCode(CLIError.Code.runtime.rawValue) }
    }
}

/// Requires at least one job id, naming the command in the message.
func requireIDs(_ ids: JobIDArguments, command: String) throws {
    guard !ids.ids.isEmpty else {
        throw ValidationError("\(command) needs at least one job id, e.g. `\(command) 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10`")
    }
}
