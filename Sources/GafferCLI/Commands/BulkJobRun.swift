import ArgumentParser
import Foundation
import GafferCore
import GafferMonitor
import GafferMonitorModel
import Postgres

/// A job action on every job matching the command line's filters, through the screen's `MonitorActions`:
/// the count first, then (with `--yes`) the work in chunks, the jobs a worker holds skipped and counted.
///
/// Without `--yes` it is a dry run on a terminal (the count and what would happen); off a terminal it is a
/// usage error naming `--yes`, so a script never believes it acted.
enum BulkJobRun {
    static func perform(_ action: JobAction, states: [JobState], noun: String, filters: JobFilterOptions,
                        on db: PostgresConnection) async throws {
        let actions = MonitorActions(connection: db)
        let now = Date()
        var seen: Set<UUID> = []
        var ids: [UUID] = []
        for state in states {
            for id in try await actions.ids(in: try filters.scope(state, now: now)) where seen.insert(id).inserted {
                ids.append(id)
            }
        }
        Terminal.line(Messages.matching(ids.count, noun: noun, filters: filters.summary))
        guard !ids.isEmpty else { return }
        guard filters.yes else {
            guard Terminal.stdinIsTerminal || Terminal.stdoutIsTerminal else {
                throw CLIError.usage(Messages.needsYes(action, ids.count))
            }
            Terminal.line(Messages.dryRun(action, ids.count))
            return
        }
        var report = ActionReport(verb: action.pastTense, total: ids.count)
        let progress = Terminal.stderrIsTerminal
        try await actions.applyAll(action, to: ids, into: &report) { partial in
            if progress { Terminal.note(partial.progress) }
        }
        Terminal.line(report.summary)
    }

    /// The bulk commands' texts.
    enum Messages {
        static func matching(_ count: Int, noun: String, filters: String) -> String {
            "\(ActionReport.grouped(count)) \(noun) job\(count == 1 ? "" : "s") match\(count == 1 ? "es" : "")"
                + (filters.isEmpty ? "" : " (\(filters))")
        }

        static func dryRun(_ action: JobAction, _ count: Int) -> String {
            "dry run: would \(action.rawValue) \(ActionReport.grouped(count)) job\(count == 1 ? "" : "s") (jobs a worker holds are skipped); add --yes to do it"
        }

        static func needsYes(_ action: JobAction, _ count: Int) -> String {
            "nothing done: without a terminal there is no dry run to read; pass --yes to \(action.rawValue) the \(ActionReport.grouped(count))"
        }
    }
}
