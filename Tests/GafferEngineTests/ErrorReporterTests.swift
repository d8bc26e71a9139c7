import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Logging
import Postgres
import Synchronization
import Testing

/// What a test's error reporter received, safe to read from the test while the worker reports.
final class ReportLog: Sendable {
    struct Entry: Sendable {
        let kind: ErrorReport.Kind
        let jobID: UUID?
        let jobClass: String?
        let queue: String?
        let attempt: Int?
        let error: String
        let component: String?
        let verdict: ErrorReport.Verdict
        let event: ErrorEvent?
        let retryAt: Date?
        let frames: Int
    }

    private let entries = Mutex<[Entry]>([])

    var all: [Entry] { entries.withLock { $0 } }

    func record(_ report: ErrorReport) {
        entries.withLock {
            $0.append(Entry(kind: report.kind, jobID: report.jobID, jobClass: report.jobClass, queue: report.queueName,
                            attempt: report.attempt, error: "\(report.error)", component: report.component, verdict: report.verdict, event: report.event, retryAt: report.retryAt,
                            frames: report.backtrace.count))
        }
    }
}

@Suite("the error-reporter hook")
struct ErrorReporterTests {
    static func worker(_ config: ConnectionConfig, logger: Logger = .silent,
                       reporter: @escaping ErrorReporter) -> Worker {
        var configuration = WorkerConfiguration()
        configuration.pollInterval = 1
        configuration.maxThreads = 3
        configuration.onError = reporter
        return Worker(registry: JobRegistry([FailingJob.self, RecordingJob.self]), database: config, configuration: configuration,
                      logger: logger)
    }

    @Test func calledOnceForARetryADiscardAndAnUnhandledError() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let rate = try #require(try await client.enqueue(FailingJob("rate"), EnqueueOptions(queue: "reports")))
        let discard = try #require(try await client.enqueue(FailingJob("discard")))
        let unhandled = try #require(try await client.enqueue(FailingJob("boom")))
        _ = try await client.enqueue(RecordingJob(n: 1))
        let log = ReportLog()
        let worker = Self.worker(config) { log.record($0) }
        try await worker.start()
        try await TestWait.until("three reports", timeout: 60) { log.all.count >= 3 }
        try await TestWait.until("the recording job ran", timeout: 60) {
            try await EngineFixture.count(db, "SELECT count(*) FROM side_effects") == 1
        }
        await worker.stop()

        let byJob = Dictionary(grouping: log.all, by: \.jobID)
        #expect(log.all.count == 3, "one report per failed attempt, none for the success: \(log.all.map(\.jobClass))")
        let retried = try #require(byJob[rate]?.first)
        #expect(byJob[rate]?.count == 1)
        #expect(retried.kind == .attempt && retried.verdict == .retry && retried.event == .retried)
        #expect(retried.jobClass == "FailingJob" && retried.queue == "reports" && retried.attempt == 1)
        #expect(retried.error == "429 Too Many Requests")
        // Retried an hour later (the rule's fixed wait), as the row says.
        let scheduled = try #require(try await db.query("SELECT scheduled_at FROM good_jobs WHERE id = $1", [rate]).first?
            .decode("scheduled_at", as: Date.self))
        #expect(abs((retried.retryAt ?? .distantPast).timeIntervalSince(scheduled)) < 0.001)
        let discarded = try #require(byJob[discard]?.first)
        #expect(discarded.verdict == .discard && discarded.event == .discarded && discarded.retryAt == nil)
        let escaped = try #require(byJob[unhandled]?.first)
        #expect(escaped.verdict == .discard && escaped.event == .unhandled && escaped.error == "boom")
        // The backtrace handed over is the one written to the execution row.
        let frames = try await EngineFixture.count(db, "SELECT cardinality(error_backtrace) FROM good_job_executions WHERE active_job_id = $1", [unhandled])
        #expect(escaped.frames == frames)
    }

    @Test func anErrorOutsideAnyJobIsReportedWithWhereItCameFrom() async throws {
        let (config, _) = try await EngineFixture.database()
        struct CronTableGone: Error, CustomStringConvertible { var description: String { "cron table gone" } }
        let log = ReportLog()
        let worker = Self.worker(config) { log.record($0) }
        // Maintenance work (the cron enqueuer and the pruner run there) that fails: logged, and now reported.
        await worker.addMaintenanceHook { _, _ in throw CronTableGone() }
        try await worker.start()
        try await TestWait.until("the maintenance error reported", timeout: 30) { !log.all.isEmpty }
        await worker.stop()
        let report = log.all[0]
        #expect(report.kind == .worker && report.verdict == .carryOn && report.component == "maintenance", "\(report)")
        #expect(report.jobID == nil && report.jobClass == nil && report.error == "cron table gone")
    }

    @Test func aThrowingReporterIsLoggedAndTheNextReportStillComes() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        _ = try await client.enqueueAll([FailingJob("discard"), FailingJob("discard"), FailingJob("discard")])
        struct TrackerDown: Error, CustomStringConvertible { var description: String { "tracker down" } }
        let log = ReportLog()
        let logger = CollectingLogger()
        let worker = Self.worker(config, logger: logger.logger) { report in
            log.record(report)
            throw TrackerDown()
        }
        try await worker.start()
        try await TestWait.until("three reports", timeout: 60) { log.all.count == 3 }
        try await TestWait.until("three finished jobs", timeout: 60) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == 3
        }
        try await TestWait.until("the reporter's failures logged") {
            logger.all.map(\.message).filter { $0.contains("error reporter failed") && $0.contains("tracker down") }.count == 3
        }
        await worker.stop()
    }

    @Test func aStuckReporterDelaysNoJob() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let failing = 6
        _ = try await client.enqueueAll((0..<failing).map { _ in FailingJob("discard") })
        _ = try await client.enqueueAll((0..<5).map { RecordingJob(n: $0) })
        let log = ReportLog()
        let gate = AsyncStream<Void>.makeStream()
        let worker = Self.worker(config) { report in
            // The first report holds the reporter until the test opens the gate.
            if log.all.isEmpty { for await _ in gate.stream { break } }
            log.record(report)
        }
        try await worker.start()
        // Every job ends and is written while the reporter is stuck on its first report.
        try await TestWait.until("every job finished", timeout: 60) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL") == failing + 5
        }
        #expect(log.all.isEmpty)
        gate.continuation.yield()
        try await TestWait.until("every report delivered after the gate opened", timeout: 30) { log.all.count == failing }
        #expect(Set(log.all.map(\.jobID)).count == failing)
        await worker.stop()
    }
}
