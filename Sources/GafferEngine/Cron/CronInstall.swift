import Logging

/// Starts a worker's cron enqueuer and says what it enqueues (contract §6).
public enum CronInstall {
    /// Runs the engine's cron enqueuer for `entries` on `worker` (which must have cron enabled).
    public static func install(_ entries: [CronEntry], registry: JobRegistry, on worker: Worker, logger: Logger) async {
        guard !entries.isEmpty else {
            logger.warning("cron is enabled but there are no cron entries (declare them in the app or GOOD_JOB_CRON)")
            return
        }
        let enqueuer = CronEnqueuer(entries: entries, registry: registry, logger: logger)
        await enqueuer.install(on: worker)
        logger.info("cron: \(entries.count) entries: \(entries.map { "\($0.key) (\($0.scheduleText))" }.joined(separator: ", "))")
    }
}
