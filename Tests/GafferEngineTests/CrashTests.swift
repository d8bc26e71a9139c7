import Foundation
import GafferCore
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing

/// Issue 13: a job whose body crashes the process used to crash-loop every worker that claimed it,
/// with only `GoodJob::InterruptedError` recorded and its fatal message lost on the dead process's stderr.
@Suite("a job that crashes the worker process", .enabled(if: WorkerProcess.isBuilt, "gaffer-test-worker is not built"))
struct CrashTests {
    @Test func aJobCrashingEveryAttemptIsRecordedAndDiscardedAfterThreeCrashes() async throws {
        let (config, db) = try await EngineFixture.database()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gaffer-crash-\(UUID().uuidString)").path
        let errorLog = directory + ".errors.jsonl"
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: errorLog)
        }
        let client = GafferClient(connection: db)
        let crasher = try #require(try await client.enqueue(CrashJob()))
        // Each round a worker starts, runs a new sibling's first attempt (which waits) and the crasher,
        // which crashes the process once the sibling runs; the next round re-runs that sibling.
        var siblings: [UUID] = []
        for round in 1...3 {
            siblings.append(try #require(try await client.enqueue(GatedJob())))
            let worker = try await WorkerProcess(database: config, crashDirectory: directory, errorLog: errorLog)
            #expect(await worker.waitForExit() == 128 + SIGILL, "round \(round): the worker crashed")
        }
        let recorder = try #require(try await client.enqueue(RecordingJob(n: 1)))
        let survivor = try await WorkerProcess(database: config, crashDirectory: directory, errorLog: errorLog)
        try await TestWait.until("the last sibling and the recording job run", timeout: 60) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_jobs WHERE id = ANY($1::uuid[]) AND finished_at IS NOT NULL",
                                          [[siblings[2], recorder].map { $0.uuidString }]) == 2
        }
        survivor.send(SIGTERM)
        #expect(await survivor.waitForExit() == 0, "the fourth worker did not crash")

        // The crasher: three attempts, each with the fatal message and its frames; then discarded.
        let id = crasher.uuidString.lowercased()
        let job = try #require(try await db.query("SELECT error, error_event, finished_at FROM good_jobs WHERE id = $1", [crasher]).first)
        #expect(job["finished_at"] != nil)
        #expect(job["error_event"] == String(ErrorEvent.discarded.rawValue))
        let jobError = job["error"] ?? ""
        #expect(jobError.hasPrefix("Gaffer::CrashLoopError: crashed the worker process 3 times"), "\(jobError)")
        #expect(jobError.contains("CrashJob \(id): deliberate crash"), "\(jobError)")
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM body_runs WHERE job_id = $1", [crasher]) == 3)
        let attempts = try await db.query("""
            SELECT error, error_event, error_backtrace FROM good_job_executions WHERE active_job_id = $1 ORDER BY created_at
            """, [crasher])
        #expect(attempts.count == 3)
        for attempt in 0..<attempts.count {
            let error = attempts[attempt]["error"] ?? ""
            #expect(error.hasPrefix("Gaffer::CrashError: "), "\(error)")
            #expect(error.contains("Fatal error: CrashJob \(id): deliberate crash"), "\(error)")
            let frames = try attempts[attempt].decode("error_backtrace", as: [String]?.self) ?? []
            let first = BacktraceFrame.firstApplication(frames) ?? ""
            #expect(first.contains("/Sources/GafferTestSupport/TestJobs.swift:") && first.contains(":in '"),
                    "attempt \(attempt + 1): \(frames.prefix(8))")
            #expect(!frames.prefix(5).contains { $0.contains("(+0x") })
        }

        // The siblings: each interrupted once by the crash (and told so), then run again to success.
        for sibling in siblings {
            let runs = try await db.query("""
                SELECT error, error_event FROM good_job_executions WHERE active_job_id = $1 ORDER BY created_at
                """, [sibling])
            try #require(runs.count == 2)
            #expect(runs[0]["error_event"] == String(ErrorEvent.interrupted.rawValue))
            #expect(runs[0]["error"]?.hasPrefix("GoodJob::InterruptedError: Interrupted after starting perform at") == true)
            #expect(runs[0]["error"]?.hasSuffix("job \(id) crashed the process") == true, "\(runs[0]["error"] ?? "")")
            #expect(runs.count == 2 && runs[1]["error"] == nil)
            #expect(try await EngineFixture.count(db, """
                SELECT count(*) FROM good_jobs WHERE id = $1 AND finished_at IS NOT NULL AND error IS NULL
                """, [sibling]) == 1)
        }
        #expect(try await EngineFixture.count(db, "SELECT count(*) FROM side_effects") == 1)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        #expect(left.isEmpty, "crash files read and removed: \(left)")

        // The error reporter (here the JSON-lines error log) heard of each crash from the worker that recorded it.
        let crashes = try ErrorLogLines.read(errorLog).filter { $0["kind"] as? String == "crash" }
        #expect(crashes.map { $0["next"] as? String } == ["interrupted", "interrupted", "discard"], "\(crashes)")
        for report in crashes {
            #expect(report["job_id"] as? String == id && report["job_class"] as? String == "CrashJob")
            #expect((report["error"] as? String)?.contains("deliberate crash") == true, "\(report)")
            #expect(((report["backtrace"] as? [String]) ?? []).contains { $0.contains("TestJobs.swift:") })
        }
    }
}
