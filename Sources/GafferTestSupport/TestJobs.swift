import Foundation
import GafferCore
import GafferEngine
import Postgres

/// Records each run in `side_effects` (job id is its primary key: a second run fails loudly).
public struct RecordingJob: Job {
    public static let className = "RecordingJob"
    public let n: Int
    public init(n: Int) { self.n = n }
    public init(arguments: JobArguments) throws { n = try arguments.positional(0, as: Int.self) }
    public var arguments: JobArguments { [.int(Int64(n))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO side_effects (job_id, n) VALUES ($1, $2)", [context.jobID, n])
    }
}

/// Stores its decoded arguments, so a test can check what a Rails-written row delivered.
public struct PublicationSyncJob: Job {
    public static let className = "PublicationSyncJob"
    public let publicationID: Int
    public let force: Bool
    public init(arguments: JobArguments) throws {
        publicationID = try arguments.positional(0, as: Int.self)
        force = (try? arguments.keyword("force", as: Bool.self)) ?? false
    }
    public var arguments: JobArguments { JobArguments([.int(Int64(publicationID))], keywords: ["force": .bool(force)]) }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO received (job_id, publication_id, force) VALUES ($1, $2, $3)",
                           [context.jobID, publicationID, force])
    }
}

/// Sleeps for its argument's seconds on its first attempt, cooperatively (cancellation ends it);
/// later attempts (re-runs after a kill or a cancel) return at once, so tests can use a long first
/// attempt that a delayed signal cannot outlast without waiting for it twice.
public struct SleepJob: Job {
    public static let className = "SleepJob"
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
    public init(arguments: JobArguments) throws { seconds = try arguments.positional(0, as: Double.self) }
    public var arguments: JobArguments { [.double(seconds)] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO started (job_id, attempt) VALUES ($1, $2)", [context.jobID, context.attempt])
        if context.attempt == 1 { try await Task.sleep(for: .milliseconds(Int(seconds * 1000))) }
    }
}


/// Retries lost-connection errors, as a Rails job's `retry_on ActiveRecord::ConnectionNotEstablished` would.
let connectionLossRetry = RetryRule(errorKey: "[PostgresError]", attempts: 20, wait: .fixed(seconds: 0.2), jitter: 0,
                                    matches: { ($0 as? PostgresError)?.isConnectionError ?? false })

/// Records each body run (job id, attempt, pid) in `body_runs`, pauses its milliseconds, enqueues its children.
public struct FaultJob: Job {
    public static let className = "FaultJob"
    public static var retryRules: [RetryRule] { [connectionLossRetry] }
    public let pauseMillis: Int
    public let children: Int
    public init(pauseMillis: Int, children: Int = 0) {
        self.pauseMillis = pauseMillis
        self.children = children
    }
    public init(arguments: JobArguments) throws {
        pauseMillis = try arguments.positional(0, as: Int.self)
        children = try arguments.positional(1, as: Int.self)
    }
    public var arguments: JobArguments { [.int(Int64(pauseMillis)), .int(Int64(children))] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO body_runs (job_id, attempt, pid) VALUES ($1, $2, $3)",
                           [context.jobID, context.attempt, Int(getpid())])
        if pauseMillis > 0 { try await Task.sleep(for: .milliseconds(pauseMillis)) }
        for _ in 0..<children { try await context.client.enqueue(FaultJob(pauseMillis: pauseMillis)) }
    }
}

/// Records its run in `body_runs`; its first attempt polls `gates` on the slot's session until the test opens it.
public struct GatedJob: Job {
    public static let className = "GatedJob"
    public static var retryRules: [RetryRule] { [connectionLossRetry] }
    public init() {}
    public init(arguments: JobArguments) throws {}
    public var arguments: JobArguments { [] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO body_runs (job_id, attempt, pid) VALUES ($1, $2, $3)",
                           [context.jobID, context.attempt, Int(getpid())])
        guard context.attempt == 1 else { return }
        while try await db.query("SELECT 1 FROM gates WHERE job_id = $1", [context.jobID]).isEmpty {
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Records its start in `started`; its first attempt then blocks its thread for good, ignoring
/// cancellation (a body stuck in a blocking call); later attempts return at once.
public struct StuckJob: Job {
    public static let className = "StuckJob"
    public init() {}
    public init(arguments: JobArguments) throws {}
    public var arguments: JobArguments { [] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        try await db.query("INSERT INTO started (job_id, attempt) VALUES ($1, $2)", [context.jobID, context.attempt])
        guard context.attempt == 1 else { return }
        while true { sleep(3600) }
    }
}

/// Records its run in `body_runs`, waits (up to 60 s) until another job's first attempt runs in this
/// process and every other unfinished job is such a one (re-runs have finished), then crashes the
/// process with `fatalError`, on every attempt: a job that takes the worker down with the others.
public struct CrashJob: Job {
    public static let className = "CrashJob"
    public init() {}
    public init(arguments: JobArguments) throws {}
    public var arguments: JobArguments { [] }

    public func perform(_ context: JobContext) async throws {
        let db = try await context.database()
        let pid = Int(getpid())
        try await db.query("INSERT INTO body_runs (job_id, attempt, pid) VALUES ($1, $2, $3)", [context.jobID, context.attempt, pid])
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let ready = try await db.query("""
                SELECT EXISTS (SELECT 1 FROM body_runs WHERE pid = $1 AND job_id <> $2 AND attempt = 1)
                   AND NOT EXISTS (SELECT 1 FROM good_jobs g WHERE g.finished_at IS NULL AND g.id <> $2
                                     AND NOT EXISTS (SELECT 1 FROM body_runs r WHERE r.job_id = g.id AND r.pid = $1
                                                       AND r.attempt = 1)) AS ready
                """, [pid, context.jobID])
            if try ready.first?.decode("ready", as: Bool.self) == true { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        Self.crash(context.jobID)
    }

    @inline(never)
    static func crash(_ id: UUID) -> Never {
        fatalError("CrashJob \(id.uuidString.lowercased()): deliberate crash")
    }
}
