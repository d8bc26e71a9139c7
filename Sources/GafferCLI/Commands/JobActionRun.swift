import ArgumentParser
import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import GafferStore
import Postgres

/// Applies a store-level job action (contract §9) to jobs and reports it: one summary line on
/// stdout; with `perJobNotes`, one stderr line per refused job and exit status 1 when any was refused.
enum JobActionRun {
    static func perform(_ action: JobAction, ids: [UUID], scheduledAt: Date? = nil,
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
