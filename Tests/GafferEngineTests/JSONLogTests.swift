import Foundation
import GafferCore
import GafferEngine
import GafferTestSupport
import Logging
import Postgres
import Testing

/// Logs through the `Logger` its context hands it, with a field of its own.
struct ChattyJob: Job {
    static let className = "ChattyJob"
    init() {}
    init(arguments: JobArguments) throws {}
    var arguments: JobArguments { [] }

    func perform(_ context: JobContext) async throws {
        context.logger.info("syncing \"publications\"", metadata: ["publications": .stringConvertible(3)])
    }
}

/// Issue 15: a worker's log as JSON lines, each job line carrying the job's id, class, queue and attempt.
@Suite("the worker's JSON log")
struct JSONLogTests {
    @Test func everyLineParsesAndEveryJobLineCarriesItsJob() async throws {
        let (config, db) = try await EngineFixture.database()
        let client = GafferClient(connection: db)
        let chatty = try #require(try await client.enqueue(ChattyJob(), EnqueueOptions(queue: "chat")))
        let retried = try #require(try await client.enqueue(FailingJob("rate")))
        let discarded = try #require(try await client.enqueue(FailingJob("discard")))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gaffer-log-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let logger = Logger(sink: StreamLogSink(path: path, format: .json))
        let worker = EngineFixture.worker(config, [ChattyJob.self, FailingJob.self], poll: 0.2, logger: logger)
        try await worker.start()
        try await TestWait.until("every attempt ended", timeout: 60) {
            try await EngineFixture.count(db, "SELECT count(*) FROM good_job_executions WHERE finished_at IS NOT NULL") == 3
        }
        await worker.stop()

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(text.hasSuffix("\n") && !rawLines.isEmpty)
        var objects: [[String: Any]] = []
        for line in rawLines {
            let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            let object = try #require(parsed as? [String: Any], "not a JSON object: \(line)")
            objects.append(object)
            #expect(object["level"] is String && object["message"] is String, "\(line)")
            let time = try #require(object["time"] as? String)
            #expect(time.hasSuffix("Z") && ISO8601DateFormatter.fractional.date(from: time) != nil, "\(time)")
            // UUIDs lower-case everywhere, in messages too.
            #expect(!line.contains(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/), "\(line)")
        }
        func lines(about id: UUID) -> [[String: Any]] {
            objects.filter { $0["job_id"] as? String == id.uuidString.lowercased() }
        }
        for (id, jobClass, queue) in [(chatty, "ChattyJob", "chat"), (retried, "FailingJob", "default"), (discarded, "FailingJob", "default")] {
            let about = lines(about: id)
            #expect(!about.isEmpty, "no line about \(jobClass) \(id)")
            for line in about {
                #expect(line["job_class"] as? String == jobClass && line["queue"] as? String == queue, "\(line)")
                #expect(line["attempt"] as? Int == 1, "\(line)")
            }
            // One line per attempt in Active Job's words, with its duration.
            let ends = about.filter { ($0["message"] as? String)?.contains("(Job ID: \(id.uuidString.lowercased())) from GoodJob(\(queue))") == true }
            #expect(ends.count == 1, "\(about)")
            #expect(ends.first?["duration_ms"] is Double || ends.first?["duration_ms"] is Int, "\(ends)")
        }
        let said = try #require(lines(about: chatty).first { $0["message"] as? String == "syncing \"publications\"" })
        #expect(said["publications"] as? Int == 3 && said["level"] as? String == "info")
        let performed = lines(about: chatty).compactMap { $0["message"] as? String }.filter { $0.hasPrefix("Performed ChattyJob (Job ID: ") }
        #expect(performed.count == 1 && performed.first?.hasSuffix(" ms") == true, "\(performed)")
        let retry = try #require(lines(about: retried).first { $0["next"] != nil })
        #expect(retry["level"] as? String == "error" && retry["next"] as? String == "retry" && retry["retry_at"] is String, "\(retry)")
        #expect((retry["message"] as? String)?.hasPrefix("Error performing FailingJob (Job ID: ") == true, "\(retry)")
        let discard = try #require(lines(about: discarded).first { $0["next"] != nil })
        #expect(discard["next"] as? String == "discard" && discard["error"] as? String != nil, "\(discard)")
        // The worker's own lines are there too, with no job fields.
        #expect(objects.contains { ($0["message"] as? String)?.contains(" started: queues ") == true && $0["job_id"] == nil })
    }
}

extension ISO8601DateFormatter {
    static var fractional: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
