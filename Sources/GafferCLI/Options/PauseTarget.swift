import ArgumentParser
import Foundation
import GafferMonitor
import GafferMonitorModel

/// What `pause` and `unpause` apply to: exactly one of a queue, a job class or a label.
struct PauseTarget: ParsableArguments {
    @Option(help: "A queue name.")
    var queue: String?

    @Option(name: .customLong("class"), help: "A job class, e.g. BulkInfluencerJob.")
    var jobClass: String?

    @Option(help: "A job label.")
    var label: String?

    func validate() throws {
        let given = [queue, jobClass, label].compactMap { $0 }
        guard given.count == 1 else {
            throw ValidationError("give exactly one of --queue, --class or --label, e.g. --queue mailers")
        }
        guard !given[0].isEmpty else { throw ValidationError("the name to pause is empty") }
    }

    var target: (PauseKind, String) {
        if let queue { return (.queue, queue) }
        if let jobClass { return (.jobClass, jobClass) }
        return (.label, label ?? "")
    }
}

extension PauseTarget {
    /// Adds the target to, or removes it from, GoodJob's `pauses` setting (contract §8) and says so.
    func apply(paused: Bool, database: DatabaseOptions) async throws {
        try await reportingErrors {
            let (kind, name) = target
            try await database.withConnection { db in
                try await MonitorActions(connection: db).writePause(kind, name, paused: paused)
            }
            Terminal.line(paused
                ? "paused \(kind.noun) \(name): workers that honour pauses claim none of its jobs; running jobs finish"
                : "unpaused \(kind.noun) \(name)")
        }
    }
}
