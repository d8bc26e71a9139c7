import Foundation
import GafferTestSupport
import Postgres
import Testing

/// Issue 15: `start --log-format json` and `--error-log`, from the real binary.
@Suite("gaffer start's JSON log and error log")
struct WorkerLogTests {
    @Test func everyStderrLineIsJSONAndFailuresReachTheErrorLog() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        for user in 1...3 {
            #expect(try await setup.run(["enqueue", "WelcomeJob", "--args", "[\(user)]"], binary: "gaffer-example").status == 0)
        }
        let badID = try await Self.enqueueUndecodable(setup)
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("gaffer-errors-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: errorLog) }
        let run = try await setup.run(["start", "--no-tui", "--log-format", "json", "--idle-timeout", "2", "--poll-interval", "1",
                                       "--error-log", errorLog], binary: "gaffer-example")
        #expect(run.status == 0, "\(run.stderr)")

        var objects: [[String: Any]] = []
        for line in run.stderrLines {
            let object = try #require(try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            #expect(object["time"] is String && object["level"] is String && object["message"] is String, "\(line)")
            objects.append(object)
        }
        let jobLines = objects.filter { $0["job_id"] != nil }
        for line in jobLines {
            let id = try #require(line["job_id"] as? String)
            #expect(id == id.lowercased() && UUID(uuidString: id) != nil, "\(line)")
            #expect(line["job_class"] as? String == "WelcomeJob" && line["queue"] as? String == "mailers" && line["attempt"] as? Int == 1,
                    "\(line)")
        }
        let performed = jobLines.filter { ($0["message"] as? String)?.hasPrefix("Performed WelcomeJob (Job ID: ") == true }
        #expect(performed.count == 3, "\(objects.map { $0["message"] ?? "" })")
        let said = jobLines.compactMap { $0["message"] as? String }.filter { $0.hasPrefix("welcome, user ") }
        #expect(Set(said) == ["welcome, user 1", "welcome, user 2", "welcome, user 3"])
        let failed = try #require(jobLines.first { $0["job_id"] as? String == badID }, "no line about \(badID)")
        #expect(failed["level"] as? String == "error" && failed["next"] as? String == "discard", "\(failed)")

        let reports = try ErrorLogLines.read(errorLog)
        #expect(reports.count == 1, "\(reports)")
        #expect(reports.first?["kind"] as? String == "attempt" && reports.first?["next"] as? String == "discard")
        #expect(reports.first?["job_id"] as? String == badID && reports.first?["error_class"] as? String == "MalformedJobError")
    }

    /// A WelcomeJob whose arguments it cannot decode, as a Rails app might write them: discarded as malformed,
    /// a failed attempt. Returns its id.
    static func enqueueUndecodable(_ setup: CommandTests.Setup) async throws -> String {
        let bad = try await setup.run(["enqueue", "WelcomeJob", "--args", "[4]"], binary: "gaffer-example")
        let badID = bad.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let db = try await TestServerDatabase.connect(setup.url)
        try await db.query("""
            UPDATE good_jobs SET serialized_params = jsonb_set(serialized_params, '{arguments}', '["not a user id"]') WHERE id = $1::uuid
            """, [badID])
        await db.close()
        return badID
    }

    /// A bad `--log-format` or `--log-level`, and the same in its variable: a usage error naming it.
    @Test(arguments: [("--log-format", "GAFFER_LOG_FORMAT", "xml", "log format"), ("--log-level", "GAFFER_LOG_LEVEL", "loud", "log level")])
    func aBadLogSettingIsAUsageError(flag: String, variable: String, value: String, kind: String) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let byFlag = try await Binary.run(["start", "--no-tui", flag, value], env: Binary.environment(home: home.path),
                                          binary: "gaffer-example", timeout: 60)
        #expect(byFlag.status == 2 && byFlag.stderr.contains(flag), "\(byFlag.stderr)")
        let byVariable = try await Binary.run(["start", "--no-tui"], env: Binary.environment(home: home.path, [variable: value]),
                                              binary: "gaffer-example", timeout: 60)
        #expect(byVariable.status == 2 && byVariable.stderrLines.count == 1
                    && byVariable.stderr.contains("\(variable)=\"\(value)\" is not a \(kind)"), "\(byVariable.stderr)")
    }

    /// `--log-level warning`: a succeeding job's info lines are dropped, a discarded job's error line stays.
    @Test func aLogLevelDropsLessSevereLines() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        #expect(try await setup.run(["enqueue", "WelcomeJob", "--args", "[1]"], binary: "gaffer-example").status == 0)
        let badID = try await Self.enqueueUndecodable(setup)
        let run = try await setup.run(["start", "--no-tui", "--log-level", "warning", "--idle-timeout", "2", "--poll-interval", "1"],
                                      binary: "gaffer-example")
        #expect(run.status == 0, "\(run.stderr)")
        let db = try await TestServerDatabase.connect(setup.url)
        let finished = try await db.query("SELECT count(*) AS n FROM good_jobs WHERE finished_at IS NOT NULL").first?
            .decode("n", as: Int.self)
        await db.close()
        #expect(finished == 2, "both jobs ran")
        #expect(!run.stderrLines.contains { $0.contains(" INFO ") }, "\(run.stderr)")
        #expect(run.stderrLines.contains { $0.contains(" ERROR ") && $0.contains(badID) }, "\(run.stderr)")
    }
}
