import ArgumentParser
import GafferCore
import GafferEngine

/// `gaffer start`'s worker options. Each falls back to its `GOOD_JOB_*` variable, then to
/// GoodJob's default (contract §10): flags beat the environment beat defaults.
struct WorkerOptions: ParsableArguments {
    @Option(help: "Queue selection, e.g. \"critical:2;default,mailers;*\" ($GOOD_JOB_QUEUES, default \"*\").")
    var queues: String?

    @Option(parsing: .unconditional, help: "Threads per pool, 1 to 1000 ($GOOD_JOB_MAX_THREADS, then $RAILS_MAX_THREADS, default 5).",
            transform: NumberInput.threads.intTransform("--max-threads"))
    var maxThreads: Int?

    @Option(parsing: .unconditional, help: "Seconds between polls; ≤ 0 relies on LISTEN/NOTIFY alone ($GOOD_JOB_POLL_INTERVAL, default 10).",
            transform: NumberInput.pollInterval.doubleTransform("--poll-interval"))
    var pollInterval: Double?

    @Option(parsing: .unconditional, help: "Seconds running jobs get to finish on shutdown, then the worker exits 1 and they run again as interrupted; -1 waits for ever ($GOOD_JOB_SHUTDOWN_TIMEOUT, default 25).",
            transform: NumberInput.shutdownTimeout.doubleTransform("--shutdown-timeout"))
    var shutdownTimeout: Double?

    @Flag(help: "Enqueue the app's cron entries from this process ($GOOD_JOB_ENABLE_CRON).")
    var enableCron = false

    @Option(parsing: .unconditional, help: "Exit after this many seconds with no job running or finishing; 0 never ($GOOD_JOB_IDLE_TIMEOUT).",
            transform: NumberInput.idleTimeout.doubleTransform("--idle-timeout"))
    var idleTimeout: Double?

    @Option(parsing: .unconditional, help: "Clean up preserved jobs finished longer ago than this (seconds; $GOOD_JOB_CLEANUP_PRESERVED_JOBS_BEFORE_SECONDS_AGO, default 1209600).",
            transform: NumberInput.cleanupAge.doubleTransform("--cleanup-preserved-jobs-before-seconds-ago"))
    var cleanupPreservedJobsBeforeSecondsAgo: Double?

    @Option(parsing: .unconditional, help: "Clean up after this many finished attempts; 0 off, -1 after every job ($GOOD_JOB_CLEANUP_INTERVAL_JOBS, default 1000).",
            transform: NumberInput.cleanupIntervalJobs.intTransform("--cleanup-interval-jobs"))
    var cleanupIntervalJobs: Int?

    @Option(parsing: .unconditional, help: "Clean up when the last clean-up is older than this (seconds); 0 off, -1 after every job ($GOOD_JOB_CLEANUP_INTERVAL_SECONDS, default 600).",
            transform: NumberInput.cleanupIntervalSeconds.doubleTransform("--cleanup-interval-seconds"))
    var cleanupIntervalSeconds: Double?

    @Option(help: "Whether clean-up also deletes discarded jobs ($GOOD_JOB_CLEANUP_DISCARDED_JOBS, default true).")
    var cleanupDiscardedJobs: Bool?

    @Option(parsing: .unconditional,
            help: "Serve GoodJob's health checks (/status, /status/started, /status/connected) and Prometheus metrics (/metrics) on this port; 0 picks a free one ($GOOD_JOB_PROBE_PORT, default off).",
            transform: NumberInput.probePort.intTransform("--probe-port"))
    var probePort: Int?

    /// The settings in force, from these flags over `environment` over the defaults.
    func resolve(environment: [String: String]) throws -> WorkerSettings {
        let env = EnvironmentSettings(values: environment)
        var configuration = WorkerConfiguration()
        configuration.queues = queues ?? env.string("GOOD_JOB_QUEUES") ?? "*"
        configuration.maxThreads = try maxThreads ?? env.int("GOOD_JOB_MAX_THREADS", .threads) ?? env.int("RAILS_MAX_THREADS", .threads) ?? 5
        configuration.pollInterval = try pollInterval ?? env.double("GOOD_JOB_POLL_INTERVAL", .pollInterval) ?? 10
        configuration.shutdownTimeout = try shutdownTimeout ?? env.double("GOOD_JOB_SHUTDOWN_TIMEOUT", .shutdownTimeout) ?? WorkerConfiguration.defaultShutdownTimeout
        configuration.enableCron = try enableCron || (env.bool("GOOD_JOB_ENABLE_CRON") ?? false)
        configuration.maxCrashes = try env.int("GAFFER_MAX_CRASHES", .maxCrashes) ?? WorkerConfiguration.defaultMaxCrashes
        configuration.crashDirectory = GafferHome.crashDirectory
        do {
            _ = try QueueSelection.parse(configuration.queues, defaultThreads: configuration.maxThreads)
        } catch {
            throw CLIError.usage("--queues: \(error)")
        }
        let idle = try idleTimeout ?? env.double("GOOD_JOB_IDLE_TIMEOUT", .idleTimeout)
        var cleanup = CleanupSettings()
        cleanup.beforeSecondsAgo = try cleanupPreservedJobsBeforeSecondsAgo
            ?? env.double("GOOD_JOB_CLEANUP_PRESERVED_JOBS_BEFORE_SECONDS_AGO", .cleanupAge) ?? cleanup.beforeSecondsAgo
        cleanup.includeDiscarded = try cleanupDiscardedJobs ?? env.bool("GOOD_JOB_CLEANUP_DISCARDED_JOBS") ?? true
        let jobs: Int? = try cleanupIntervalJobs.map { Optional($0) } ?? env.intOrFalse("GOOD_JOB_CLEANUP_INTERVAL_JOBS", .cleanupIntervalJobs) ?? 1000
        let seconds: Double? = try cleanupIntervalSeconds.map { Optional($0) }
            ?? env.doubleOrFalse("GOOD_JOB_CLEANUP_INTERVAL_SECONDS", .cleanupIntervalSeconds) ?? 600
        cleanup.intervalJobs = jobs == 0 ? nil : jobs
        cleanup.intervalSeconds = seconds == 0 ? nil : seconds
        let probe = try probePort ?? env.int("GOOD_JOB_PROBE_PORT", .probePort)
        return WorkerSettings(configuration: configuration, idleTimeout: idle.flatMap { $0 > 0 ? $0 : nil }, cleanup: cleanup,
                              probePort: probe)
    }
}
