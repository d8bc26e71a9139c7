import GafferCore

/// One entry of an app's cron table, as GoodJob's `config.good_job.cron` declares it (contract §6).
///
/// Cron definitions live in the app, never in the database; rows enqueued for an entry carry its
/// `key` as `cron_key`.
public struct CronDeclaration: Sendable, Hashable {
    /// Unique key, e.g. `"publication_daily_updater"`.
    public var key: String
    /// Cron expression, e.g. `"0 3 * * *"` (5 or 6 fields, optional trailing time zone).
    public var schedule: String
    public var jobClass: String
    public var arguments: JobArguments
    public var description: String
    public var enabledByDefault: Bool

    public init(key: String, schedule: String, jobClass: String, arguments: JobArguments = [],
                description: String = "", enabledByDefault: Bool = true) {
        self.key = key
        self.schedule = schedule
        self.jobClass = jobClass
        self.arguments = arguments
        self.description = description
        self.enabledByDefault = enabledByDefault
    }
}
