import GafferEngine

/// What an app built on Gaffer brings to the command line: its name, its job types and its cron entries.
///
/// `GafferCommand.run(app:)` gives the app every `gaffer` command in its own binary; its workers
/// (`start`) claim only the job classes listed here.
public struct GafferApp: Sendable {
    /// The command name shown in help and errors, e.g. `"myapp-jobs"`.
    public var name: String
    public var jobs: [any Job.Type]
    /// The app's `config.good_job.cron`; `start --enable-cron` enqueues them (plus `GOOD_JOB_CRON`'s).
    public var cron: [CronEntry]
    /// The demo `demo` runs; nil leaves the command out (an app's own binary, usually).
    public var demo: (any DemoProgram.Type)?
    /// The app's error tracker: `start` calls it for every failed attempt, crash and error outside a job
    /// (`WorkerConfiguration.onError`).
    public var onError: ErrorReporter?

    public init(name: String, jobs: [any Job.Type], cron: [CronEntry] = [], demo: (any DemoProgram.Type)? = nil,
                onError: ErrorReporter? = nil) {
        self.name = name
        self.jobs = jobs
        self.cron = cron
        self.demo = demo
        self.onError = onError
    }

    public var registry: JobRegistry { JobRegistry(jobs) }

    /// The app the running command belongs to (set by `GafferCommand.run(app:)`).
    @TaskLocal public static var current: GafferApp = .stock
}
