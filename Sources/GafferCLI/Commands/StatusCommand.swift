import ArgumentParser
import Foundation
import GafferMonitorModel
import GafferStore

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
              gaffer status --check --max-latency 2m,10m --max-failures 20,200

            --check follows the Nagios plugin convention: bad input is UNKNOWN (3), not a usage error (2), because 2 \
            means CRITICAL there.
            """)

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var replica: ReplicaOptions

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    @Flag(help: ArgumentHelp(
        "Judge the alert thresholds only: one Nagios line on stdout, exit 0 ok, 1 warning, 2 critical, 3 unknown.",
        discussion: "Unknown: the database cannot be reached or read, or a threshold, --config or the config file is bad."))
    var check = false

    @OptionGroup var alerts: AlertOptions

    @OptionGroup var config: ConfigOptions

    func run() async throws {
        if check { throw ExitCode(await runCheck()) }
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

    /// The check's line and exit code; every failure to judge is UNKNOWN (3), on stdout like the verdicts.
    func runCheck() async -> Int32 {
        let thresholds: AlertThresholds
        do { thresholds = try alerts.thresholds(file: try config.load()) } catch {
            Terminal.line(StatusCheck.unknown(error.description))
            return StatusCheck.unknownCode
        }
        do {
            let now = Date()
            let inputs = try await database.withConnection { try await StatusCheck.inputs($0, now: now) }
            let check = StatusCheck(alerts: AlertCheck.evaluate(inputs, thresholds, now: now), thresholds: thresholds)
            Terminal.line(check.line)
            return check.exitCode
        } catch let error as SchemaGateError {
            Terminal.line(StatusCheck.unknown(error.message(migrateCommand: "\(GafferApp.current.name) migrate")))
        } catch {
            Terminal.line(StatusCheck.unknown("cannot read the database: \(error)"))
        }
        return StatusCheck.unknownCode
    }
}
