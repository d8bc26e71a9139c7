import ArgumentParser
import Foundation
import GafferCore
import GafferMonitorModel

/// The filters of a bulk job command (`gaffer discard --queue Q --class C --before T --yes`): which jobs
/// of the table, not of a page, the command acts on.
struct JobFilterOptions: ParsableArguments {
    @Option(help: "Only jobs of this queue (exact name).")
    var queue: String?

    @Option(name: .customLong("class"), help: "Only jobs of this job class (exact name).")
    var jobClass: String?

    @Option(help: "Only jobs with this label (exact).")
    var label: String?

    @Option(help: "Only jobs whose class, queue, labels, error, arguments or id start contain this text (any case).")
    var search: String?

    @Option(help: "Only jobs whose list time (due for waiting jobs, finished for finished ones) is before TIME.")
    var before: String?

    @Flag(help: "Act. Without it the command only says how many jobs match and what it would do.")
    var yes = false

    /// Whether any filter was given (`--yes` alone is not a filter).
    var isGiven: Bool { queue != nil || jobClass != nil || label != nil || search != nil || before != nil }

    /// The filters as the list query takes them, on jobs in `state`.
    func scope(_ state: JobState, now: Date) throws -> JobListScope {
        var scope = JobListScope(state: state, queue: queue, jobClass: jobClass, label: label)
        if let search {
            scope.search = search.split(separator: " ").map { String($0) }
            guard !scope.search.isEmpty else { throw CLIError.usage("--search \"\(search)\": give some text to find") }
        }
        scope.before = try before.map { try TimeArgument.parse($0, option: "--before", now: now) }
        return scope
    }

    /// `queue publications, class BulkJob, before 2026-07-20T15:30:00Z`, for the count line.
    var summary: String {
        [queue.map { "queue \($0)" }, jobClass.map { "class \($0)" }, label.map { "label \($0)" },
         search.map { "text \"\($0)\"" }, before.map { "before \($0)" }]
            .compactMap { $0.map { OneLineText.make($0, limit: 80) } }.joined(separator: ", ")
    }
}
