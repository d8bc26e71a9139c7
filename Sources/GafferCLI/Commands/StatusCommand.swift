import ArgumentParser
import Foundation

/// `gaffer status`: a one-shot summary of queues, processes, failures and cron entries.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print queues, processes, failures by error class and cron entries, once.",
        discussion: """
            Per queue: queued, scheduled, running, retried and discarded jobs, jobs succeeded in the last hour, and \
            the latency of the oldest job ready to run. With --replica-url it reads from that streaming standby \
            and says how far behind it is. --json prints the same as one object (its keys are listed in \
            the README) for scripts and health checks.

            Example:
              gaffer status
              gaffer status --replica-url postgresql://standby/myapp
              gaffer status --json | jq '.queues[] | select(.latency_seconds > 60) | .name'
            """)

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var replica: ReplicaOptions

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let report = try await database.withConnection(requireSchema: replica.replicaURL == nil) { db in
                try await replica.reading(besides: db, applicationName: "gaffer") { reads, primary in
                    try await StatusReport.gather(reads, primary: primary, app: GafferApp.current, now: Date())
                }
            }
            if json {
                Terminal.line(report.json.serialized())
            } else {
                report.lines.forEach(Terminal.line)
            }
        }
    }
}
