import GafferCore

/// A job type: how Rails names it, where it runs by default, its failure rules, and its body.
///
/// A job is a value built from Active Job arguments (`init(arguments:)`) and written back to them
/// (`arguments`), so a Swift job runs rows Rails enqueued and Rails can run rows Gaffer enqueued.
public protocol Job: Sendable {
    /// The class name as Rails spells it, e.g. `SocialMediaPublicationDailySyncJob`.
    static var className: String { get }
    static var queueName: String { get }
    /// Smaller runs first (GoodJob v4).
    static var priority: Int { get }
    static var labels: [String] { get }
    /// Checked in declaration order; the first rule whose error matches decides.
    static var retryRules: [RetryRule] { get }
    static var discardRules: [DiscardRule] { get }
    /// GoodJob's concurrency controls for this type (contract §7); nil for none.
    static var concurrency: ConcurrencyRules? { get }
    /// Attempts that may crash the worker process before the job is discarded; nil: the worker's
    /// `WorkerConfiguration.maxCrashes`.
    static var maxCrashes: Int? { get }

    /// Decodes the job from its Active Job arguments; a thrown error discards the job as malformed.
    init(arguments: JobArguments) throws
    /// The Active Job arguments this job is enqueued with.
    var arguments: JobArguments { get }

    /// The body. Cancellation (shutdown past its timeout) arrives as Swift task cancellation.
    func perform(_ context: JobContext) async throws
}

extension Job {
    public static var queueName: String { "default" }
    public static var priority: Int { 0 }
    public static var labels: [String] { [] }
    public static var retryRules: [RetryRule] { [] }
    public static var discardRules: [DiscardRule] { [] }
    public static var concurrency: ConcurrencyRules? { nil }
    public static var maxCrashes: Int? { nil }
}
