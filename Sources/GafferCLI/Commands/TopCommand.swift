import ArgumentParser
import CursesBackend
import Foundation
import GafferMonitor
import GafferRuntime
import GafferStore
import TerminalKit

/// `gaffer top`: the live screen over any GoodJob database, with no worker.
struct TopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "Watch and manage the jobs of any GoodJob database in a live terminal screen.",
        discussion: """
            Works on a Rails app's GoodJob tables as well as Gaffer's own. Press ? on the screen for \
            the keys. Actions (retry, discard, run now, destroy, pause) follow GoodJob's dashboard \
            rules; --read-only turns every one of them off. With --replica-url every read goes to that streaming \
            standby and the header shows its lag; actions still go to the database. Needs a terminal of at least 80×24 whose TERM \
            has a terminfo entry; NO_COLOR=1 draws without colour.

            Example:
              gaffer top --database-url postgresql://localhost/myapp_production --read-only
              NO_COLOR=1 gaffer top --interval 2
              gaffer top --theme light
              gaffer top --database-url postgresql://primary/myapp --replica-url postgresql://standby/myapp
              gaffer top --max-latency 2m,10m --bell
            """)

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var replica: ReplicaOptions

    @Flag(name: .customLong("read-only"), help: "Refuse every action; only watch.")
    var readOnly = false

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var alerts: AlertOptions

    @OptionGroup var config: ConfigOptions

    @Option(parsing: .unconditional,
            help: "Seconds between refreshes, 0.25 to 60 (+ and - change it on screen). Default: the config file's interval, else 1.",
            transform: NumberInput.refreshInterval.doubleTransform("--interval"))
    var interval: Double?

    func run() async throws {
        try await reportingErrors {
            guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
                throw CLIError.usage("gaffer top needs a terminal; for scripts use gaffer status")
            }
            if let problem = CursesError.terminalProblem() { throw CLIError.usage(problem.description) }
            let setup = try ScreenSetup.resolve(screen, alerts, config, interval: interval)
            let app = GafferApp.current
            let cron = CronRunner.entries(try app.cronEntries(environment: ProcessInfo.processInfo.environment),
                                          registry: app.registry)
            let (db, resolved) = try await database.connect(applicationName: "gaffer-top")
            defer { resolved.finish() }
            if replica.replicaURL == nil { try await SchemaGate.check(db) }
            try await replica.reading(besides: db, applicationName: "gaffer-top") { reads, primary in
                let poller = MonitorPoller(connection: reads, primary: primary, interval: setup.interval)
                let actions = MonitorActions(connection: db, readOnly: readOnly, cron: cron)
                let session = MonitorSession(poller: poller, actions: actions, local: nil, readOnly: readOnly,
                                             settings: setup.settings,
                                             openScreen: MonitorSession.terminal(setup.look, mouse: screen.mouse))
                _ = try await session.run()
            }
            await db.close()
        }
    }
}
