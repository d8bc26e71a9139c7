import ArgumentParser
import Foundation
import GafferEngine
import GafferStore
import Postgres
import TerminalKit

/// `gaffer demo`: the original scheduler's jobs, live, on the embedded (or given) database.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the original scheduler's job set over simulated social-media APIs.",
        discussion: """
            With no database configured, starts the embedded PostgreSQL (kept in $GAFFER_HOME between runs), creates \
            GoodJob's tables and the demo's own (schema gaffer_demo), seeds accounts, publications and spreadsheets, \
            enqueues both cron fan-outs at once and runs a worker with the original's settings (5 threads, poll 30 \
            s, shutdown timeout 25 s). Rate limits are retried, bad rows discarded; every failure is logged to \
            $GAFFER_HOME/log/demo.log, and to stderr without the screen. On a terminal the monitor's screen shows \
            it all; q offers detach, drain or stop now. With --replica-url the screen reads from that streaming standby \
            and its header shows the lag; the worker and the screen's actions use the database.

            Example:
              gaffer demo                             # until Ctrl-C
              gaffer demo --no-tui --duration 20      # headless for 20 seconds, then stop cleanly
              gaffer demo --reset                     # drop the demo's data and jobs and start over
              gaffer demo --database-url postgresql://primary/demo --replica-url postgresql://standby/demo

            It refuses a database whose GoodJob tables hold jobs it did not create (an app's), before writing anything.
            """)

    @Flag(help: "Plain log lines on stderr instead of the screen.")
    var noTui = false

    @Option(parsing: .unconditional, help: "Stop cleanly after this many seconds (default: run until Ctrl-C).",
            transform: NumberInput.duration.doubleTransform("--duration"))
    var duration: Double?

    @Flag(help: "Drop the demo's tables and jobs first and seed again.")
    var reset = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var replica: ReplicaOptions

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var logs: LogOptions

    @OptionGroup var alerts: AlertOptions

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        if let duration, duration <= 0 || !duration.isFinite {
            throw ValidationError("--duration \(duration): give a positive number of seconds, e.g. 20")
        }
    }

    func run() async throws {
        try await reportingErrors {
            guard let demo = GafferApp.current.demo else { throw CLIError.usage("\(GafferApp.current.name) has no demo") }
            let log = try logs.resolve(environment: ProcessInfo.processInfo.environment)
            Terminal.format = log.format
            let setup = try ScreenSetup.resolve(screen, alerts, config)
            var configuration = demo.settings
            configuration.crashDirectory = GafferHome.crashDirectory
            configuration.onError = try WorkerLogging.reporter(app: GafferApp.current.onError, errorLog: log.errorLog)
            CrashReports.enable(configuration)
            let (db, resolved) = try await database.connect()
            let wantsScreen = Screen.wanted(noTUI: noTui)
            var replicaConfig: ConnectionConfig?
            do {
                // Before anything is written: the demo's reset and workers would act on an app's jobs of the same class.
                if let foreign = try await demo.foreignJob(db) {
                    throw CLIError.usage("\(await db.config.displayName) holds jobs the demo did not create (\(Sanitizer.visible(foreign))); "
                        + "run it on an empty database (--database-url) or on the embedded default "
                        + "(no DATABASE_URL or PG* variables; a new GAFFER_HOME if it is this one)")
                }
                try await Migrator.migrate(db)
                try await SchemaGate.check(db)
                let seeded = try await demo.prepare(db, reset: reset)
                replicaConfig = try await replica.checkedForScreen(wantsScreen, applicationName: "gaffer")
                Terminal.note(seeded ? "demo data seeded in schema gaffer_demo" : "reusing the demo data in schema gaffer_demo (--reset starts over)")
            } catch {
                await db.close()
                resolved.finish()
                throw error
            }
            let logPath = try LogDirectory.file("demo.log")
            var settings = WorkerSettings(configuration: configuration, idleTimeout: nil, cleanup: CleanupSettings())
            settings.cleanup.intervalJobs = nil  // preserve every record of the demo run
            settings.cleanup.intervalSeconds = nil
            var plan = WorkerLaunch.Plan(
                registry: JobRegistry(demo.jobs), settings: settings, cron: demo.cron, logFile: logPath,
                alwaysLogToFile: true, duration: duration, progressEvery: 5, wantsScreen: wantsScreen,
                look: setup.look, mouse: screen.mouse, log: log, screen: setup)
            plan.replica = replicaConfig
            try await WorkerLaunch.run(plan, database: resolved) { _ in
                let count = try await demo.kickOff(GafferClient(connection: db), now: Date())
                await db.close()
                Terminal.note("demo: enqueued \(count) jobs (both cron fan-outs, imports, manual syncs) on queues "
                    + "\(demo.queues.joined(separator: ", ")); failures are logged to \(logPath)")
            }
        }
    }
}
