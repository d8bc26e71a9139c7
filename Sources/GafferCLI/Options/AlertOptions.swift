import ArgumentParser
import GafferMonitorModel

/// Alert thresholds (`top`, `start`, `demo`, `status --check`): each `WARN[,CRIT]`, or `off`.
struct AlertOptions: ParsableArguments {
    @Option(name: .customLong("max-latency"), help: ArgumentHelp(
        "Alert when the oldest ready job (paused queues aside) has waited this long: warning[,critical]. Default: 5m,15m.",
        valueName: "time[,time]"))
    var latency: String?

    @Option(name: .customLong("max-failures"), help: ArgumentHelp(
        "Alert at this many failed jobs in the last hour: warning[,critical]. Default: 50,500.", valueName: "n[,n]"))
    var failures: String?

    @Option(name: .customLong("max-heartbeat-age"), help: ArgumentHelp(
        "Alert when a process's heartbeat is this old: warning[,critical]. Default: 2m,5m.", valueName: "time[,time]"))
    var heartbeat: String?

    @Option(name: .customLong("max-paused"), help: ArgumentHelp(
        "Alert when queues have been paused this long: warning[,critical]. Default: 1h (warning only). "
            + "Times: 90s, 5m, 1h, 2d; off turns an alert off.", valueName: "time[,time]"))
    var paused: String?

    /// The defaults, then the file's `[alerts]`, then these flags; a malformed flag is a usage error naming it.
    func thresholds(file: ConfigSettings) throws(CLIError) -> AlertThresholds {
        var thresholds = AlertThresholds(file.alerts)
        let given: [(AlertMetric, String?)] = [(.latency, latency), (.failures, failures), (.heartbeat, heartbeat), (.paused, paused)]
        for (metric, text) in given {
            guard let text else { continue }
            do { thresholds[metric] = try AlertLimit.parse(text, for: metric) } catch { throw CLIError.usage(error.description) }
        }
        return thresholds
    }
}
