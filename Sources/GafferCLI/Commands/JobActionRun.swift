import ArgumentParser
import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import Postgres

/// Applies a job action (contract §9) through the screen's `MonitorActions` and reports it: one summary line on
/// stdout; with `perJobNotes`, one stderr line per refused job and exit status 1 when any was refused.
enum JobActionRun {
    static func perform(_ action: JobAction, ids: [UUID], scheduledAt: Date? = nil,
                        perJobNotes: Bool = true, on db: PostgresConnection) async throws {
        var report = ActionReport(verb: action.pastTense)
        try await MonitorActions(connection: db).apply(action, to: ids, scheduledAt: scheduledAt, into: &report) { id, reason in
            if perJobNotes { Terminal.note("job \(id.uuidString.lowercased()) not \(action.pastTense): \(reason)") }
        }
        Terminal.line(report.summary)
        if perJobNotes && !report.refused.isEmpty { throw ExitCode(CLIError.Code.runtime.rawValue) }
    }
}
