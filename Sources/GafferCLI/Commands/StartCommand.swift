import ArgumentParser
import Foundation
import GafferEngine
import GafferStore
import Postgres

/// `gaffer start`: the app's worker in the foreground.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Run a worker for the app's job types in the foreground.",
        discussion: """
            Claims only the job classes this app registers, so it can share queues with Rails workers; the stock \
            gaffer registers none (build an app binary: README, "Library use"). Every option \
            falls back to its GOOD_JOB_* variable, then to GoodJob's default. SIGINT, SIGTERM or SIGHUP (a closed terminal; not under nohup) stops gracefully \
            (running jobs get --shutdown-timeout seconds); a second SIGINT or SIGTERM stops at once. Log lines go to stderr \
            when stdout is not a terminal, when TERM cannot draw the screen (no terminfo entry, or dumb), or with \
            --no-tui.

            Example:
              gaffer start --queues 'publications:3;*' --max-threads 5 --poll-interval 30 --shutdown-timeout 25
              GOOD_JOB_QUEUES=default GOOD_JOB_MAX_THREADS=3 gaffer start --no-tui
              gaffer start --database-url postgresql://primary/myapp --replica-url postgresql://standby/myapp

            With --replica-url the screen reads from that streaming standby and its header shows the lag; the worker \
            and the screen's actions use the database.
            """)

    @OptionGroup var worker: WorkerOptions

    @Flag(help: "Plain log lines on stderr instead of the screen.")
    var noTui = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var replica: ReplicaOptions

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var logs: LogOptions

    @OptionGroup var alerts: AlertOptions

    @OptionGroup var config: ConfigOptions

    func run() async throws {
        try await reportingErrors {
            let log = try logs.resolve(environment: ProcessInfo.processInfo.environment)
            Terminal.format = log.format
            let setup = try ScreenSetup.resolve(screen, alerts, config)
            var settings = try worker.resolve(environment: ProcessInfo.processInfo.environment)
            let app = GafferApp.current
            settings.configuration.onError = try WorkerLogging.reporter(app: app.onError, errorLog: log.errorLog)
            let cron = try app.cronEntries(environment: ProcessInfo.processInfo.environment)
            guard !app.jobs.isEmpty else { throw CLIError.usage(Self.noJobTypes(app)) }
            CrashReports.enable(settings.configuration)
            IgnoredSettings.warnings(ProcessInfo.processInfo.environment).forEach(Terminal.note)
            let (db, resolved) = try await database.connect()
            if resolved.embedded {
                Terminal.note("WARNING: this worker runs on gaffer's embedded development database, not your app's: set DATABASE_URL (or --database-url) to the database your Rails app's GoodJob uses")
            }
            do {
                try await SchemaGate.check(db)
                await db.close()
            } catch {
                await db.close()
                resolved.finish()
                throw error
            }
            let wantsScreen = Screen.wanted(noTUI: noTui)
            let replicaConfig: ConnectionConfig?
            do { replicaConfig = try await replica.checkedForScreen(wantsScreen, applicationName: "gaffer") } catch {
                resolved.finish()
                throw error
            }
            var plan = WorkerLaunch.Plan(registry: app.registry, settings: settings, cron: cron,
                                         logFile: wantsScreen ? try LogDirectory.file("worker.log") : "",
                                         alwaysLogToFile: false, duration: nil, progressEvery: nil, wantsScreen: wantsScreen,
                                         look: setup.look, mouse: screen.mouse, log: log, screen: setup)
            plan.replica = replicaConfig
            try await WorkerLaunch.run(plan, database: resolved)
        }
    }

    /// Why a binary without job types does not start a worker, and how to get one that has them.
    static func noJobTypes(_ app: GafferApp) -> String {
        "this binary has no job types, so it runs no worker: build an app binary that passes yours to "
            + "GafferCommand.run(app: GafferApp(jobs: ...)) (README, \"Library use\")"
            + (app.demo == nil ? "" : ", or try `\(app.name) demo`")
    }
}
