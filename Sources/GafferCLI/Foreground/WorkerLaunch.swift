import ArgumentParser
import CursesBackend
import Foundation
import GafferEngine
import GafferMonitor
import GafferRuntime
import GafferUI
import Logging
import Postgres

/// Starts a worker on a resolved database and runs it in the foreground (`start` and `demo`):
/// under the screen on a terminal, with log lines on stderr otherwise.
enum WorkerLaunch {
    struct Plan {
        var registry: JobRegistry
        var settings: WorkerSettings
        var cron: [CronEntry]
        /// Where log lines go while the screen owns the terminal.
        var logFile: String
        /// Whether log lines also go to the file when there is no screen.
        var alwaysLogToFile: Bool
        var duration: Double?
        var progressEvery: Double?
        var wantsScreen: Bool
        /// The screen's theme, resolved before anything starts so a bad one fails first.
        var look: ThemeChoice.Look
        /// Whether the screen takes clicks and the wheel (`--no-mouse` turns it off).
        var mouse = true
        /// The log lines' format (the error reporter is in `settings.configuration.onError`).
        var log = LogSettings()
        /// Alerts, bell, key remaps and refresh interval from flags and the config file.
        var screen: ScreenSetup
        /// The streaming standby the screen reads from (`--replica-url`); nil reads the database.
        var replica: ConnectionConfig?
    }

    /// Runs until a signal, the duration, idleness or the screen's quit; `afterStart` runs once the
    /// worker is up (the demo enqueues its fan-outs there). Stops the embedded server if this
    /// command started it.
    static func run(_ plan: Plan, database resolved: DatabaseOptions.Resolved,
                    afterStart: (Worker) async throws -> Void = { _ in }) async throws {
        let stopSignals = SignalWatcher.stopSignals()
        let useFile = plan.wantsScreen || plan.alwaysLogToFile
        let sink = WorkerLogging.sink(plan.log, file: useFile ? plan.logFile : nil, stderrNow: !plan.wantsScreen)
        WorkerLogging.bootstrap(sink, level: plan.log.level)
        let log = Logger(sink: sink, level: plan.log.level)
        let configuration = plan.settings.configuration
        let worker = Worker(registry: plan.registry, database: resolved.config, configuration: configuration, logger: log)
        if configuration.enableCron {
            await CronInstall.install(plan.cron, registry: plan.registry, on: worker, logger: log)
        }
        await PreservedJobsPruner.install(on: worker, settings: plan.settings.cleanup, logger: log)
        var services: WorkerServices
        do {
            services = try WorkerServices.open(worker: worker, probePort: plan.settings.probePort, database: resolved.config, logger: log)
        } catch {
            resolved.finish()
            throw error
        }
        defer { services.close() }
        do {
            try await worker.start()
            services.ready(worker)
            try await afterStart(worker)
        } catch {
            await worker.stop(timeout: 0)
            resolved.finish()
            throw error
        }
        var run = ForegroundRun(worker: worker, duration: plan.duration, idleTimeout: plan.settings.idleTimeout,
                                shutdownTimeout: configuration.shutdownTimeout, progressEvery: plan.progressEvery,
                                logger: log, forceStop: { resolved.finish() }, onStopping: { [services] in services.stopping() },
                                signals: stopSignals)
        if plan.wantsScreen {
            let started = ContinuousClock.now
            let choice: QuitMode
            do {
                choice = try await Screen.run(worker: worker, config: resolved.config, replica: plan.replica,
                                              cron: configuration.enableCron ? plan.cron : [],
                                              runner: .entries(plan.cron, registry: plan.registry), duration: plan.duration,
                                              look: plan.look, mouse: plan.mouse, settings: plan.screen.settings,
                                              interval: plan.screen.interval, logger: sink)
            } catch let problem as CursesError {
                // The terminal passed the check but ncurses still refused it: never fail the worker for that.
                sink.setStandardError(true)
                Screen.fallingBack(problem)
                _ = await run.run()
                resolved.finish()
                return
            } catch {
                await worker.stop(timeout: 0)
                resolved.finish()
                throw error
            }
            sink.setStandardError(true)
            switch choice {
            case .detach:
                Terminal.note("screen closed; the worker goes on with log lines on stderr (Ctrl-C stops); earlier lines are in \(plan.logFile)")
                let elapsed = ContinuousClock.now - started
                run.duration = plan.duration.map { max(0.1, $0 - Double(elapsed.components.seconds)) }
                _ = await run.run()
            case .drain, .exit:
                await run.stop(after: .screen(choice))
            case .stopNow:
                await run.stop(after: .screen(choice))
                // A forced stop exits 1, as a second signal does: running jobs were cut short.
                resolved.finish()
                throw ExitCode(CLIError.Code.runtime.rawValue)
            }
        } else {
            _ = await run.run()
        }
        resolved.finish()
    }
}
