import Foundation
import GafferCore
@testable import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

struct OnlyHereError: Error, CustomStringConvertible { var description: String { "thrown from one place only" } }

/// Fails from a throw site no other test uses, so that site is first symbolicated inside this suite.
struct FreshSiteJob: Job {
    static let className = "FreshSiteJob"
    static var discardRules: [DiscardRule] { [DiscardRule(on: OnlyHereError.self)] }
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws { throw OnlyHereError() }
}

@Suite("throw sites are symbolicated after the attempt's end")
struct DeferredTraceTests {
    static func lines(_ db: PostgresConnection, _ id: UUID) async throws -> [String] {
        try await db.query("SELECT error_backtrace FROM good_job_executions WHERE active_job_id = $1", [id])
            .first?.decode("error_backtrace", as: [String]?.self) ?? []
    }

    static func endedUnlocked(_ db: PostgresConnection, _ id: UUID) async throws -> Bool {
        try await EngineFixture.count(db, """
            SELECT count(*) FROM good_jobs g JOIN good_job_executions e ON e.active_job_id = g.id
            WHERE g.id = $1 AND g.finished_at IS NOT NULL AND g.locked_by_id IS NULL AND e.finished_at IS NOT NULL
              AND NOT \(held("g.id"))
            """, [id]) == 1
    }

    /// Whether the job's advisory lock is held by any session.
    static func held(_ id: String) -> String {
        """
        EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
                AND l.objid::bigint = (('x' || substr(md5('good_jobs-' || \(id)::text), 1, 16))::bit(64)::bigint) & 4294967295)
        """
    }

    @Test func theEndCommitsWithoutSourceLinesWhichFollowInTheRow() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let first = try #require(try await client.enqueue(FreshSiteJob()))
        let worker = EngineFixture.worker(config, [FreshSiteJob.self])
        worker.traceSymbolizer.hold()
        try await worker.start()
        // With the symbolizer held, the end commits and the lock is released: the end did not wait for it.
        try await TestWait.until("the first attempt ends while symbolication is held") {
            try await Self.endedUnlocked(db, first)
        }
        let names = try await Self.lines(db, first)
        #expect(!names.isEmpty, "the end records the throw site's function names")
        #expect(names.first?.contains("FreshSiteJob") == true, "first line is the throw in perform: \(names.prefix(2))")
        #expect(BacktraceFrame.firstApplication(names) == nil, "no source locations yet: \(names.prefix(2))")

        worker.traceSymbolizer.release()
        try await TestWait.until("the source lines replace the names in the execution row") {
            try await Self.lines(db, first).first?.contains("DeferredTraceTests.swift:") == true
        }
        let full = try await Self.lines(db, first)
        let app = try #require(BacktraceFrame.firstApplication(full))
        #expect(app.contains("DeferredTraceTests.swift:") && app.contains(":in '"), "first app frame: \(app)")

        // The site is known now: the next failure from it ends with the source lines at once.
        worker.traceSymbolizer.hold()
        let second = try #require(try await client.enqueue(FreshSiteJob()))
        try await TestWait.until("the second attempt ends while symbolication is held") {
            try await Self.endedUnlocked(db, second)
        }
        #expect(try await Self.lines(db, second) == full)
        worker.traceSymbolizer.release()
        await worker.stop()
    }

    @Test func aStopWritesTheSourceLinesOfTheLastFailure() async throws {
        let (config, db) = try await EngineFixture.database()
        let id = try #require(try await GafferClient(connection: db).enqueue(AnotherFreshSiteJob()))
        let worker = EngineFixture.worker(config, [AnotherFreshSiteJob.self])
        worker.traceSymbolizer.hold()
        try await worker.start()
        try await TestWait.until("the attempt ends while symbolication is held") { try await Self.endedUnlocked(db, id) }
        let stopped = Task { await worker.stop() }
        worker.traceSymbolizer.release()
        await stopped.value
        let app = try #require(BacktraceFrame.firstApplication(try await Self.lines(db, id)))
        #expect(app.contains("DeferredTraceTests.swift:"), "first app frame: \(app)")
    }
}

/// A second unused throw site, for the stop test (each site is symbolicated once per process).
struct AnotherFreshSiteJob: Job {
    static let className = "AnotherFreshSiteJob"
    static var discardRules: [DiscardRule] { [DiscardRule(on: OnlyHereError.self)] }
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }
    func perform(_ context: JobContext) async throws { throw OnlyHereError() }
}
