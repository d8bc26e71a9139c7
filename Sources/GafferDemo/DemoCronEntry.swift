import GafferEngine

/// One of the demo's cron entries, as the original's `config.good_job.cron` declares it.
public struct DemoCronEntry: Sendable {
    public let key: String
    public let schedule: String
    public let job: any Job.Type
    public let description: String
    public let enabledByDefault: Bool
}
