import Foundation
import GafferCore
import GafferEngine
import Postgres

/// The original scheduler's job set, its cron table and settings, and the demo's data.
public enum SocialMediaDemo: Sendable {
    /// Every job class of the original system.
    public static let jobs: [any Job.Type] = [
        SocialMediaPublicationsDailyUpdaterJob.self, SocialMediaPublicationDailySyncJob.self,
        SocialMediaPublicationUpdaterJob.self, SingleSocialMediaPublicationUpdaterJob.self,
        SocialMediaAccountUpdaterJob.self, SingleSocialMediaAccountUpdaterJob.self,
        CreateMediaCommentsAndPublicationHistoryForInstagramJob.self,
        CreateMediaCommentsAndPublicationHistoryForTiktokJob.self, CreateMediaCommentsFromReplyForTikTokJob.self,
        GenerateMediaCommentEmbeddingJob.self, ProcessSocialMediaAccountAnalyticJob.self,
        BulkInfluencerJob.self, BulkPublicationJob.self, BulkMarkupSellPriceJob.self,
        CancelBulkInfluencerJob.self, CancelBulkPublicationJob.self,
        RecalculateMediaPlanMetricJob.self, ManualSyncMediaCommentCounterJob.self, ManuallySyncCampaignCrbMetricJob.self,
    ]

    /// The original's `config.good_job.cron`; the batch updater is the disabled alternative.
    // `try!`: the schedules are literals, checked by the demo's tests.
    public static let cron: [CronEntry] = [
        try! CronEntry(key: "publication_daily_updater", cron: "0 3 * * *", job: SocialMediaPublicationsDailyUpdaterJob(),
                       description: "Daily publication metrics: one sync job per publication, 2 per second"),
        try! CronEntry(key: "social_media_account_updater", cron: "0 0 1 1 *", job: SocialMediaAccountUpdaterJob(),
                       description: "Accounts not synced in 24 h, in batches of 500"),
        try! CronEntry(key: "publication_updater", cron: "0 3 * * *", job: SocialMediaPublicationUpdaterJob(),
                       description: "Batch alternative to publication_daily_updater (enable one, not both)",
                       enabledByDefault: false),
    ]

    /// The queues the demo's jobs use.
    public static var queues: [String] { Array(Set(jobs.map { $0.queueName })).sorted() }

    /// The original's settings: 5 threads, poll every 30 s, 25 s to finish on shutdown, cron on,
    /// records preserved, unhandled errors not retried.
    public static var settings: WorkerConfiguration {
        var configuration = WorkerConfiguration()
        configuration.queues = "*"
        configuration.maxThreads = 5
        configuration.pollInterval = 30
        configuration.shutdownTimeout = 25
        configuration.enableCron = true
        configuration.retryOnUnhandledError = false
        return configuration
    }

    /// Creates the demo tables and seeds them on first use (or after `reset`), then makes the data
    /// a day stale so the fan-outs find work. `reset` also deletes the demo's own job rows.
    /// Returns whether it seeded.
    @discardableResult
    public static func prepare(_ db: PostgresConnection, reset: Bool) async throws -> Bool {
        var exists = !(try await db.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [DemoSchema.name]).isEmpty)
        if reset {
            if exists { try await db.execute(DemoSchema.drop) }
            exists = false
            let classes = jobs.map { $0.className }
            try await db.query("""
                DELETE FROM good_job_executions WHERE active_job_id IN (SELECT active_job_id FROM good_jobs WHERE job_class = ANY($1))
                """, [classes])
            try await db.query("DELETE FROM good_jobs WHERE job_class = ANY($1)", [classes])
        }
        if !exists {
            // Only on a fresh schema: IF NOT EXISTS on existing tables would print server notices.
            try await db.execute(DemoSchema.create)  // one simple-protocol batch: one transaction
            try await DemoSeed.run(db)
        }
        try await DemoSeed.rewind(db)
        return !exists
    }

    /// Enqueues what the cron table and the app's users would: both cron fan-outs at once (the
    /// dashboard's "enqueue now", `cron_at` = now), the spreadsheet imports (one broken, one
    /// cancelled), a markup, manual updates and comment imports (some of bad rows), and manual
    /// syncs a little later. Returns the number of jobs enqueued.
    @discardableResult
    public static func kickOff(_ client: GafferClient, now: Date) async throws -> Int {
        var count = 0
        func add(_ ids: [UUID]) { count += ids.count }
        let registry = JobRegistry(jobs)
        for entry in cron where entry.enabledByDefault {
            if try await CronEnqueuer.enqueueNow(entry, client.connection, registry: registry, now: now) != nil { count += 1 }
        }
        add(try await client.enqueueAll([BulkInfluencerJob(bulkImportID: 1), BulkInfluencerJob(bulkImportID: 2)]))
        add(try await client.enqueueAll([BulkPublicationJob(bulkImportID: 3, campaignID: 1)]))
        add(try await client.enqueueAll([BulkPublicationJob(bulkImportID: 4, campaignID: 2)], EnqueueOptions(delay: 5)))
        add(try await client.enqueueAll([CancelBulkPublicationJob(bulkImportID: 4)]))
        add(try await client.enqueueAll([BulkMarkupSellPriceJob(mediaPlanID: 1, percentage: 15)]))
        add(try await client.enqueueAll((1...6).map { ProcessSocialMediaAccountAnalyticJob(accountID: $0 * 7) },
                                        EnqueueOptions(delay: 6)))
        add(try await client.enqueueAll([10, 20, 30, 40, 50].map { ManualSyncMediaCommentCounterJob(publicationID: $0) },
                                        EnqueueOptions(delay: 8)))
        add(try await client.enqueueAll((1...3).map { ManuallySyncCampaignCrbMetricJob(campaignID: $0) },
                                        EnqueueOptions(delay: 10)))
        // Someone forces an update of a publication whose link is broken (discarded), and re-imports
        // comments by hand, two of them for posts their authors removed (discarded too).
        add(try await client.enqueueAll([SingleSocialMediaPublicationUpdaterJob(publicationID: 33, force: true)]))
        add(try await client.enqueueAll([SingleSocialMediaPublicationUpdaterJob(publicationID: 12, force: true)],
                                        EnqueueOptions(delay: 12)))
        add(try await client.enqueueAll([7, 12, 36].map { CreateMediaCommentsAndPublicationHistoryForInstagramJob(publicationID: $0) }))
        return count
    }
}
