import Foundation
import GafferCore

/// The `state` JSON of this process's `good_job_processes` row, with the keys GoodJob's dashboard reads.
public enum ProcessStateProbe {
    /// The redacted command line written as `proctitle` (exposed for tests).
    public static func proctitle(_ arguments: [String]) -> String { ProcessState.proctitle(arguments) }
}

enum ProcessState {
    static func json(snapshot: WorkerSnapshot, configuration: WorkerConfiguration, cronEnabled: Bool) -> JSONValue {
        let schedulers: [JSONValue] = snapshot.pools.map { pool in
            let active = pool.slots.filter { $0.job != nil }.count
            return .object([
                "name": .string("GoodJob::Scheduler(queues=\(pool.queues) max_threads=\(pool.maxThreads))"),
                "queues": .string(pool.queues),
                "max_threads": .int(Int64(pool.maxThreads)),
                "active_threads": .int(Int64(active)),
                // Retiring slots still running their job can leave more busy than asked for.
                "available_threads": .int(Int64(max(0, pool.maxThreads - active))),
                "max_cache": .int(0), "active_cache": .int(0), "available_cache": .int(0),
                "empty_executions_count": .int(0),
                "errored_executions_count": .int(Int64(pool.errored)),
                "succeeded_executions_count": .int(Int64(pool.succeeded)),
                "total_executions_count": .int(Int64(pool.errored + pool.succeeded)),
            ])
        }
        let succeeded = snapshot.pools.reduce(0) { $0 + $1.succeeded }
        let errored = snapshot.pools.reduce(0) { $0 + $1.errored }
        let threads = snapshot.pools.reduce(0) { $0 + $1.maxThreads }
        return .object([
            "hostname": .string(ProcessInfo.processInfo.hostName),
            "pid": .int(Int64(getpid())),
            "memory": .int(Int64(residentKiB())),
            "proctitle": .string(proctitle(CommandLine.arguments)),
            "preserve_job_records": .bool(true),
            "retry_on_unhandled_error": .bool(configuration.retryOnUnhandledError),
            "schedulers": .array(schedulers),
            "cron_enabled": .bool(cronEnabled),
            "total_succeeded_executions_count": .int(Int64(succeeded)),
            "total_errored_executions_count": .int(Int64(errored)),
            "database_connection_pool": .object(["size": .int(Int64(threads + 3)), "active": .int(Int64(snapshot.pools.count + 2))]),
            "gaffer": .object(["paused": .bool(snapshot.paused), "version": .string(GafferVersion.current)]),
        ])
    }

    /// The command line as the dashboard shows it, with database URLs and passwords left out: the
    /// process row is readable by anyone who can read the jobs.
    static func proctitle(_ arguments: [String]) -> String {
        var shown: [String] = []
        var hideNext = false
        for argument in arguments {
            if hideNext {
                shown.append("[redacted]")
                hideNext = false
            } else if argument == "--database-url" {
                shown.append(argument)
                hideNext = true
            } else if argument.hasPrefix("--database-url=") {
                shown.append("--database-url=[redacted]")
            } else if argument.contains("://") || argument.lowercased().contains("password") {
                shown.append("[redacted]")
            } else {
                shown.append(argument)
            }
        }
        return shown.joined(separator: " ")
    }

    /// Resident set size in KiB from `/proc/self/status` (`VmRSS`), 0 when unknown.
    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}

public enum GafferVersion {
    public static let current = "0.1.0"
}
