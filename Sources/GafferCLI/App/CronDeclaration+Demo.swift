import GafferDemo

/// The demo's cron table as the command line declares cron entries.
extension CronDeclaration {
    init(demo entry: DemoCronEntry) {
        self.init(key: entry.key, schedule: entry.schedule, jobClass: entry.job.className,
                  description: entry.description, enabledByDefault: entry.enabledByDefault)
    }
}
