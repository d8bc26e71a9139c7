import Foundation
import GafferCore
import GafferCron

/// One scheduled job, as GoodJob's `config.good_job.cron` entry declares it (contract §6).
///
/// Only the schedule's fire times and these values decide what is enqueued, so every process
/// that knows the entry (Swift or Ruby) writes the same `cron_key` and `cron_at`.
public struct CronEntry: Sendable {
    /// Unique key, stored in `cron_key`.
    public let key: String
    public let schedule: CronExpression
    /// The schedule as written, which the dashboard shows.
    public let scheduleText: String
    /// The Rails class name to enqueue.
    public let jobClass: String
    public let arguments: JobArguments
    /// Active Job `set` options; nil leaves the job type's default.
    public let queue: String?
    public let priority: Int?
    /// Seconds after the enqueue that the job is scheduled for (`set(wait:)`).
    public let wait: Double?
    public let labels: [String]?
    /// Shown by the dashboard and the monitor's cron pane.
    public let description: String?
    /// Whether the entry runs unless the dashboard disabled it (true), or only once enabled (false).
    public let enabledByDefault: Bool

    /// An entry for a class by name; throws `CronConfigError` when `cron` does not parse.
    public init(key: String, cron: String, jobClass: String, arguments: JobArguments = [],
                queue: String? = nil, priority: Int? = nil, wait: Double? = nil, labels: [String]? = nil,
                description: String? = nil, enabledByDefault: Bool = true,
                defaultTimeZone: TimeZone = CronExpression.utc) throws(CronConfigError) {
        do {
            schedule = try CronExpression.parse(cron, defaultTimeZone: defaultTimeZone)
        } catch {
            throw CronConfigError(.invalidSchedule, key: key, field: "cron", detail: error.description)
        }
        self.key = key
        self.scheduleText = cron
        self.jobClass = jobClass
        self.arguments = arguments
        self.queue = queue
        self.priority = priority
        self.wait = wait
        self.labels = labels
        self.description = description
        self.enabledByDefault = enabledByDefault
    }

    /// An entry that enqueues `job` (its class name and arguments).
    public init<J: Job>(key: String, cron: String, job: J, queue: String? = nil, priority: Int? = nil,
                        wait: Double? = nil, labels: [String]? = nil, description: String? = nil,
                        enabledByDefault: Bool = true, defaultTimeZone: TimeZone = CronExpression.utc)
        throws(CronConfigError)
    {
        try self.init(key: key, cron: cron, jobClass: J.className, arguments: job.arguments, queue: queue,
                      priority: priority, wait: wait, labels: labels, description: description,
                      enabledByDefault: enabledByDefault, defaultTimeZone: defaultTimeZone)
    }
}
