import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres

/// The seed's rate limit: at most 2 starts per second across every process.
struct ThrottledJob: Job {
    static let className = "ThrottledJob"
    static var concurrency: ConcurrencyRules? { ConcurrencyRules([.keyed(performThrottle: Throttle(2, per: 1))]) }
    let n: Int
    init(n: Int) { self.n = n }
    init(arguments: JobArguments) throws { n = try arguments.positional(0, as: Int.self) }
    var arguments: JobArguments { [.int(Int64(n))] }
    func perform(_ context: JobContext) async throws {}
}

/// One at a time across every process; records its run interval from inside the body.
struct ExclusiveJob: Job {
    static let className = "ExclusiveJob"
    static var concurrency: ConcurrencyRules? { ConcurrencyRules([.keyed(performLimit: 1)]) }
    let n: Int
    init(n: Int) { self.n = n }
    init(arguments: JobArguments) throws { n = try arguments.positional(0, as: Int.self) }
    var arguments: JobArguments { [.int(Int64(n))] }

    func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO runs (job_id, started) VALUES ($1, clock_timestamp())", [context.jobID])
        try await Task.sleep(for: .milliseconds(80))
        try await db.query("UPDATE runs SET finished = clock_timestamp() WHERE job_id = $1", [context.jobID])
    }
}

/// Enqueue-stage limits on one key per account (the key is computed from the argument).
struct AccountSyncJob: Job {
    static let className = "AccountSyncJob"
    static var concurrency: ConcurrencyRules? {
        ConcurrencyRules(key: .computed { arguments in
            (try? arguments.positional(0, as: Int.self)).map { "account-\($0)" }
        }, [.keyed(totalLimit: 2)])
    }
    let account: Int
    init(account: Int) { self.account = account }
    init(arguments: JobArguments) throws { account = try arguments.positional(0, as: Int.self) }
    var arguments: JobArguments { [.int(Int64(account))] }
    func perform(_ context: JobContext) async throws {}
}

struct WaitingLimitJob: Job {
    static let className = "WaitingLimitJob"
    static var concurrency: ConcurrencyRules? { ConcurrencyRules([.keyed(enqueueLimit: 1)]) }
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws {}
}

struct EnqueueThrottledJob: Job {
    static let className = "EnqueueThrottledJob"
    static var concurrency: ConcurrencyRules? { ConcurrencyRules([.keyed(enqueueThrottle: Throttle(2, per: 60))]) }
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws {}
}

/// A label rule: every row labelled `tiktok` counts, whatever its class.
struct TikTokPostJob: Job {
    static let className = "TikTokPostJob"
    static let labels = ["tiktok"]
    static var concurrency: ConcurrencyRules? { ConcurrencyRules([.label("tiktok", totalLimit: 1)]) }
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws {}
}

/// What the cron entries enqueue; runs instantly.
struct CronTickJob: Job {
    static let className = "CronTickJob"
    static let queueName = "cron"
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws {}
}

extension EngineFixture {
    static func configuration(threads: Int = 5, poll: Double = 1, cron: Bool = false) -> WorkerConfiguration {
        var configuration = WorkerConfiguration()
        configuration.maxThreads = threads
        configuration.pollInterval = poll
        configuration.shutdownTimeout = 25
        configuration.enableCron = cron
        configuration.reapInterval = 1
        return configuration
    }
}
