import GafferCron
import GafferEngine

/// Checks the app's cron entries and hands them to the worker's cron enqueuer.
///
/// TODO(lead): the engine's cron enqueuer (limits branch, Sources/GafferEngine/Cron) is not merged
/// yet; wire `entries` to it here. Until then `--enable-cron` only validates and says so.
enum CronInstall {
    /// Throws a runtime error naming the first entry whose schedule does not parse.
    static func validate(_ entries: [CronDeclaration]) throws {
        for entry in entries {
            do {
                _ = try CronExpression.parse(entry.schedule)
            } catch {
                throw CLIError.runtime("cron entry \(entry.key): \(error)")
            }
        }
    }

    static func install(_ entries: [CronDeclaration], on worker: Worker, logger: any JobLogger) async {
        guard !entries.isEmpty else {
            logger.warning("cron is enabled but the app declares no cron entries")
            return
        }
        logger.warning("cron is enabled, but this build has no cron enqueuer yet: \(entries.count) entries declared, none scheduled")
    }
}
