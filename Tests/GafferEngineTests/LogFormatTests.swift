import Foundation
import GafferCore
@testable import GafferEngine
import Logging
import Testing

@Suite("log line formats")
struct LogFormatTests {
    static let id = UUID(uuidString: "0A1B2C3D-0000-4000-8000-00000000ABCD")!
    static let record = LogRecord(
        time: Date(timeIntervalSince1970: 1_764_780_330.1239), level: .warning, message: "line one\nsaid \"hi\"",
        metadata: ["zeta": .string("a b"), "attempt": .stringConvertible(2), "job_id": .string("0a1b"), "ok": .stringConvertible(true)])

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(LogTimestamp.iso(Date(timeIntervalSince1970: 1_764_780_330.1239)) == "2025-12-03T16:45:30.123Z")
        #expect(LogTimestamp.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(LogTimestamp.iso(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        #expect(LogTimestamp.iso(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test func textIsOneLineWithTheJobKeysFirst() {
        #expect(LogFormat.text.line(Self.record)
            == "2025-12-03T16:45:30.123Z WARN line one\\nsaid \"hi\" job_id=0a1b attempt=2 ok=true zeta=\"a b\"\n")
    }

    @Test func jsonIsOneObjectWithTypedFields() throws {
        let line = LogFormat.json.line(Self.record)
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        #expect(line.hasPrefix(#"{"time":"2025-12-03T16:45:30.123Z","level":"warn","message":"line one\nsaid \"hi\"","job_id":"0a1b","attempt":2"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "line one\nsaid \"hi\"")
        #expect(object["attempt"] as? Int == 2 && object["ok"] as? Bool == true && object["zeta"] as? String == "a b")
    }

    @Test func anAttemptEndsWithActiveJobsLine() {
        func result(_ outcome: AttemptResult.Outcome, error: String?, event: ErrorEvent?) -> AttemptResult {
            AttemptResult(jobID: Self.id, executionID: UUID(), outcome: outcome, error: error, errorEvent: event, backtrace: [],
                          duration: 0.0123456)
        }
        let job = "SyncJob (Job ID: 0a1b2c3d-0000-4000-8000-00000000abcd) from GoodJob(default)"
        let performed = AttemptLogLine(jobClass: "SyncJob", jobID: Self.id, queue: "default", result: result(.finished, error: nil, event: nil))
        #expect(performed.level == .info && performed.message == "Performed \(job) in 12.35 ms" && performed.metadata == ["duration_ms": "12.35"])
        let at = Date(timeIntervalSince1970: 1_764_780_330)
        let retry = AttemptLogLine(jobClass: "SyncJob", jobID: Self.id, queue: "default",
                                   result: result(.retry(serializedParams: "{}", scheduledAt: at), error: "RateLimit: 429", event: .retried))
        #expect(retry.level == .error)
        #expect(retry.message == "Error performing \(job) after 12.35 ms: RateLimit: 429; retrying at 2025-12-03T16:45:30.000Z")
        #expect(retry.metadata == ["duration_ms": "12.35", "error": "RateLimit: 429", "next": "retry", "retry_at": "2025-12-03T16:45:30.000Z"])
        let discard = AttemptLogLine(jobClass: "SyncJob", jobID: Self.id, queue: "default",
                                     result: result(.finished, error: "Gone: 404", event: .discarded))
        #expect(discard.message.hasSuffix(": Gone: 404; finished with its error (discarded), not retried") && discard.metadata["next"] == "discard")
    }

    @Test func aCrashReportIsOneJSONObject() throws {
        let crash = WorkerCrash(processID: Self.id, pid: 42, signal: 4, threadName: "gaffer-0-1", reason: "Fatal error: boom")
        let report = ErrorReport(kind: .crash, jobID: Self.id, jobClass: "SyncJob", error: crash, verdict: .interrupted,
                                 event: .interrupted, backtrace: ["0 SyncJob.perform at Sync.swift:3"], component: "gaffer-0-1")
        let text = ErrorReportJSON.object(report, at: Date(timeIntervalSince1970: 0)).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "crash" && object["next"] as? String == "interrupted")
        #expect(object["job_id"] as? String == "0a1b2c3d-0000-4000-8000-00000000abcd" && object["attempt"] == nil)
        #expect(object["error_class"] as? String == "WorkerCrash")
        #expect((object["error"] as? String)?.hasSuffix("crashed on thread gaffer-0-1: Fatal error: boom") == true)
        #expect(object["backtrace"] as? [String] == ["0 SyncJob.perform at Sync.swift:3"])
    }
}
