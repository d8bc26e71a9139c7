import ArgumentParser
import Foundation
import GafferStore

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

/// Shared body of `pause` and `unpause`: GoodJob's `pauses` setting (contract §8).
enum PauseRun {
    static func run(_ target: PauseTarget, paused: Bool, database: DatabaseOptions) async throws {
        try await reportingErrors {
            let (kind, name) = target.target
            try await database.withConnection { db in
                if paused {
                    try await PauseSettings.pause(kind, name, now: Date(), on: db)
                } else {
                    try await PauseSettings.unpause(kind, name, now: Date(), on: db)
                }
            }
            let noun = kind == .queue ? "queue" : kind == .jobClass ? "class" : "label"
            Terminal.line(paused
                ? "paused \(noun) \(name): workers that honour pauses claim none of its jobs; running jobs finish"
                : "unpaused \(noun) \(name)")
        }
    }
}

/// `gaffer pause --queue Q | --class C | --label L`.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Stop every worker from starting jobs of a queue, class or label.",
        discussion: """
            The pause is stored in GoodJob's good_job_settings, so it applies to every Gaffer worker and to Ruby \
            workers started with GOOD_JOB_ENABLE_PAUSES=true. Waiting jobs stay queued.

            Example:
              gaffer pause --queue bulk
              gaffer pause --class SocialMediaPublicationDailySyncJob
            """)

    @OptionGroup var target: PauseTarget
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await PauseRun.run(target, paused: true, database: database)
    }
}

/// `gaffer unpause --queue Q | --class C | --label L`.
struct UnpauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpause",
        abstract: "Lift a pause set by `pause`.",
        discussion: """
            Example:
              gaffer unpause --queue bulk
            """)

    @OptionGroup var target: PauseTarget
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await PauseRun.run(target, paused: false, database: database)
    }
}
