import GafferEngine

/// The cron entries a worker enqueues: the app's, then `GOOD_JOB_CRON`'s (contract §6, §10).
enum CronInstall {
    /// The app's entries with `GOOD_JOB_CRON`'s added; an entry of the variable replaces the
    /// app's entry with the same key. A malformed variable is a usage error naming it.
    static func entries(app: GafferApp, environment: [String: String]) throws -> [CronEntry] {
        guard let text = environment["GOOD_JOB_CRON"], !text.trimmingSpaces.isEmpty else { return app.cron }
        let extra: [CronEntry]
        do {
            extra = try CronEntry.parseGoodJobCron(text)
        } catch {
            throw CLIError.usage("GOOD_JOB_CRON: \(error)")
        }
        let replaced = Set(extra.map(\.key))
        return app.cron.filter { !replaced.contains($0.key) } + extra
    }

    /// Runs the engine's cron enqueuer for `entries` on `worker` (which must have cron enabled).
    static func install(_ entries: [CronEntry], registry: JobRegistry, on worker: Worker, logger: any JobLogger) async {
        guard !entries.isEmpty else {
            logger.warning("cron is enabled but there are no cron entries (declare them in the app or GOOD_JOB_CRON)")
            return
        }
        let enqueuer = CronEnqueuer(entries: entries, registry: registry, logger: logger)
        await enqueuer.install(on: worker)
        logger.info("cron: \(entries.count) entries: \(entries.map { "\($0.key) (\($0.scheduleText))" }.joined(separator: ", "))")
    }
}
