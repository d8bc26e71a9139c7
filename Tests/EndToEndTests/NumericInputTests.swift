import Foundation
import Testing

/// Issue 13: every numeric flag and `GOOD_JOB_*` number with the values that used to crash the
/// command line (a Swift trap, exit 132, a backtrace) or pass silently (NaN).
@Suite("numeric input: ranges checked where parsed, one line, exit 2")
struct NumericInputTests {
    static let unreachableURL = "postgresql://gaffer@127.0.0.1:1/nowhere"
    static let values = ["inf", "-inf", "nan", "1e308", "-1", "0", "99999999999999999999"]

    /// A numeric input and which of `values` it accepts (those go on to the unreachable database: exit 1).
    struct Case: CustomTestStringConvertible, Sendable {
        let command: [String]
        let flag: String?
        let variable: String?
        let accepted: Set<String>
        var testDescription: String { "\(command.joined(separator: " ")) \(flag ?? variable ?? "")" }
        /// `start` runs the example app: the stock binary has no job types and refuses before the database.
        var binary: String { command.first == "start" ? "gaffer-example" : "gaffer" }
    }

    static let cases: [Case] = [
        Case(command: ["start", "--no-tui"], flag: "--max-threads", variable: "GOOD_JOB_MAX_THREADS", accepted: []),
        Case(command: ["start", "--no-tui"], flag: nil, variable: "RAILS_MAX_THREADS", accepted: []),
        Case(command: ["start", "--no-tui"], flag: "--poll-interval", variable: "GOOD_JOB_POLL_INTERVAL", accepted: ["-1", "0"]),
        Case(command: ["start", "--no-tui"], flag: "--shutdown-timeout", variable: "GOOD_JOB_SHUTDOWN_TIMEOUT",
             accepted: ["-1", "0"]),
        Case(command: ["start", "--no-tui"], flag: "--idle-timeout", variable: "GOOD_JOB_IDLE_TIMEOUT", accepted: ["0"]),
        Case(command: ["start", "--no-tui"], flag: "--cleanup-preserved-jobs-before-seconds-ago",
             variable: "GOOD_JOB_CLEANUP_PRESERVED_JOBS_BEFORE_SECONDS_AGO", accepted: ["0"]),
        Case(command: ["start", "--no-tui"], flag: "--cleanup-interval-jobs", variable: "GOOD_JOB_CLEANUP_INTERVAL_JOBS",
             accepted: ["-1", "0"]),
        Case(command: ["start", "--no-tui"], flag: "--cleanup-interval-seconds", variable: "GOOD_JOB_CLEANUP_INTERVAL_SECONDS",
             accepted: ["-1", "0"]),
        Case(command: ["start", "--no-tui"], flag: nil, variable: "GAFFER_MAX_CRASHES", accepted: []),
        Case(command: ["cleanup"], flag: "--before-seconds-ago", variable: "GOOD_JOB_CLEANUP_PRESERVED_JOBS_BEFORE_SECONDS_AGO",
             accepted: ["0"]),
        Case(command: ["enqueue", "SomeRailsJob"], flag: "--priority", variable: nil, accepted: ["-1", "0"]),
        Case(command: ["enqueue", "SomeRailsJob"], flag: "--in", variable: nil, accepted: ["0"]),
        Case(command: ["demo", "--no-tui"], flag: "--duration", variable: nil, accepted: []),
        Case(command: ["top"], flag: "--interval", variable: nil, accepted: []),
    ]

    func check(_ result: Binary.Result, accepted: Bool, naming input: String, value: String,
               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.output.contains("Fatal error") && !result.output.contains("Stack dump")
                && !result.output.contains("Backtrace"), "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        if accepted {
            // Valid input goes on to the database, which is unreachable: a runtime error.
            #expect(result.status == 1, "\(input) \(value): exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        } else {
            #expect(result.status == 2, "\(input) \(value): exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(input), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains("…") || result.stderr.contains(" to "), "no range: \(result.stderr)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: cases)
    func flags(_ input: Case) async throws {
        guard let flag = input.flag else { return }
        let home = ScratchHome()
        defer { home.remove() }
        for value in Self.values {
            let result = try await Binary.run(input.command + [flag, value, "--database-url", Self.unreachableURL],
                                              env: Binary.environment(home: home.path), binary: input.binary)
            check(result, accepted: input.accepted.contains(value), naming: flag, value: value)
        }
    }

    @Test(arguments: cases)
    func environment(_ input: Case) async throws {
        guard let variable = input.variable else { return }
        let home = ScratchHome()
        defer { home.remove() }
        for value in Self.values {
            let result = try await Binary.run(input.command + ["--database-url", Self.unreachableURL],
                                              env: Binary.environment(home: home.path, [variable: value]), binary: input.binary)
            check(result, accepted: input.accepted.contains(value), naming: "\(variable)=\"\(value)\"", value: value)
        }
    }

    @Test(arguments: [
        (["enqueue", "SomeRailsJob", "--at"], "294277-01-01T00:00:00Z", false),
        (["enqueue", "SomeRailsJob", "--at"], "99999-01-01 00:00", true),
        (["reschedule", "0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10", "--at"], "300000-01-01T00:00:00Z", false),
        (["reschedule", "0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10", "--at"], "99999-01-01 00:00", true),
    ])
    func timesBeyondPostgreSQLsRangeAreRefused(command: [String], value: String, accepted: Bool) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(command + [value, "--database-url", Self.unreachableURL], env: Binary.environment(home: home.path))
        check(result, accepted: accepted, naming: "--at", value: value)
    }

    @Test func aNULInArgumentsIsAUsageError() async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(["enqueue", "SomeRailsJob", "--args", "[\"a\\u0000b\"]", "--database-url", Self.unreachableURL],
                                          env: Binary.environment(home: home.path))
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("--args") && result.stderr.contains("\\u0000"))
    }
}
