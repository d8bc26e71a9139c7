import Foundation
import GafferCore

/// The `state` JSON of this process's `good_job_processes` row, with the keys GoodJob's dashboard reads.
enum ProcessState {
    static func json(snapshot: WorkerSnapshot, configuration: WorkerConfiguration, cronEnabled: Bool) -> JSONValue {
        let schedulers: [JSONValue] = snapshot.pools.map { pool in
            let active = pool.slots.filter { $0.job != nil }.count
            return .object([
                "name": .string("GoodJob::Scheduler(queues=\(pool.queues) max_threads=\(pool.maxThreads))"),
                "queues": .string(pool.queues),
                "max_threads": .int(Int64(pool.maxThreads)),
                "active_threads": .int(Int64(active)),
                "available_threads": .int(Int64(pool.maxThreads - active)),
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
            "proctitle": .string(CommandLine.arguments.joined(separator: " ")),
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
