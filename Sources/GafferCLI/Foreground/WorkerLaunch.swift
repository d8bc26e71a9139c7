import Foundation
import GafferEngine
import Postgres

/// Starts a worker on a resolved database and runs it in the foreground (`start` and `demo`).
enum WorkerLaunch {
    struct Plan {
        var registry: JobRegistry
        var settings: WorkerSettings
        var cron: [CronDeclaration]
        var logger: any JobLogger
        var duration: Double?
        var progressEvery: Double?
        var wantsScreen: Bool
    }

    /// Runs until a signal, the duration or idleness; `afterStart` runs once the worker is up
    /// (the demo enqueues its fan-outs there). Stops the embedded server if this command started it.
    static func run(_ plan: Plan, database resolved: DatabaseOptions.Resolved,
                    afterStart: (Worker) async throws -> Void = { _ in }) async throws -> ForegroundRun.Ending {
        if plan.wantsScreen && !Screen.isAvailable {
            Terminal.note("the monitor screen is not built yet; running headless with log lines on stderr (Ctrl-C stops)")
        }
        let configuration = plan.settings.configuration
        let worker = Worker(registry: plan.registry, database: resolved.config, configuration: configuration, logger: plan.logger)
        if configuration.enableCron { await CronInstall.install(plan.cron, on: worker, logger: plan.logger) }
        await PreservedJobsPruner.install(on: worker, settings: plan.settings.cleanup, logger: plan.logger)
        do {
            try await worker.start()
            try await afterStart(worker)
        } catch {
            await worker.stop(timeout: 0)
            resolved.finish()
            throw error
        }
        let run = ForegroundRun(worker: worker, duration: plan.duration, idleTimeout: plan.settings.idleTimeout,
                                shutdownTimeout: configuration.shutdownTimeout, progressEvery: plan.progressEvery,
                                logger: plan.logger, forceStop: { resolved.finish() })
        let ending = await run.run()
        resolved.finish()
        return ending
    }
}
