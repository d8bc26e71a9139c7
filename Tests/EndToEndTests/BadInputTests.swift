import Foundation
import Testing

/// Every command's bad-input paths: one line on stderr naming the input, the right exit code, and
/// never the password of a database URL.
@Suite("bad input: one line, the right exit code, no password")
struct BadInputTests {
    static let secret = "Sup3rSecretPw"
    static let unreachableURL = "postgresql://gaffer:\(secret)@127.0.0.1:1/nowhere"
    static let someID = "0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10"

    /// Each command with arguments that are valid up to the point of touching the database.
    static let databaseCommands: [[String]] = [
        ["status"], ["status", "--json"], ["retry", someID], ["retry", "--discarded", "--yes"], ["discard", someID],
        ["reschedule", someID], ["destroy", someID], ["enqueue", "SomeRailsJob", "--args", "[1]"],
        ["pause", "--queue", "q"], ["unpause", "--label", "l"], ["cron", "list"], ["migrate"], ["cleanup"],
        ["demo", "--no-tui", "--duration", "1"],
    ]

    static let allCommands: [[String]] = [
        ["demo"], ["start"], ["status"], ["retry"], ["discard"], ["reschedule"], ["destroy"], ["enqueue", "X"],
        ["pause"], ["unpause"], ["cron", "list"], ["migrate"], ["cleanup"],
    ]

    func expectOneLine(_ result: Binary.Result, status: Int32, containing text: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("gaffer: "), sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.output.contains("Fatal error") && !result.output.contains("Stack dump"), sourceLocation: sourceLocation)
        #expect(!result.output.contains(Self.secret), sourceLocation: sourceLocation)
    }

    @Test(arguments: allCommands)
    func helpShowsAnExample(command: [String]) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(command + ["--help"], env: Binary.environment(home: home.path))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example:"))
        #expect(result.stdout.contains("gaffer \(command[0])"))
    }

    @Test(arguments: databaseCommands)
    func anUnknownFlagIsAUsageError(command: [String]) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(command + ["--frobnicate", "--database-url", Self.unreachableURL],
                                          env: Binary.environment(home: home.path))
        expectOneLine(result, status: 2, containing: "Unknown option '--frobnicate'")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [["retry"], ["discard"], ["reschedule"], ["destroy"]])
    func aMalformedIDIsAUsageErrorNamingIt(command: [String]) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(command + [Self.someID, "42-not-a-uuid", "--database-url", Self.unreachableURL],
                                          env: Binary.environment(home: home.path))
        expectOneLine(result, status: 2, containing: "job id \"42-not-a-uuid\" is not a UUID")
    }

    @Test(arguments: [
        (["enqueue", "SomeJob", "--args", "[1,"], "--args: invalid JSON"),
        (["enqueue", "SomeJob", "--args", "7"], "--args: found"),
        (["enqueue", "some_job"], "job class \"some_job\" is not a Ruby class name"),
        (["enqueue", "SomeJob", "--at", "next tuesday"], "--at \"next tuesday\": unknown time format"),
        (["enqueue", "SomeJob", "--at", "now", "--in", "5"], "give --at or --in, not both"),
        (["reschedule", someID, "--at", "tomorrow"], "--at \"tomorrow\": unknown time format"),
        (["retry"], "retry needs job ids or --discarded"),
        (["retry", someID, "--discarded"], "give job ids or --discarded, not both"),
        (["discard"], "discard needs job ids or filters"),
        (["pause"], "give exactly one of --queue, --class or --label"),
        (["pause", "--queue", "a", "--class", "B"], "give exactly one of --queue, --class or --label"),
        (["demo", "--duration", "0"], "The value '0' is invalid for '--duration <duration>': give a number of seconds in"),
        (["start", "--queues", "a;;b"], "--queues: queue selection \"a;;b\": empty pool"),
        (["start", "--max-threads", "many"], "The value 'many' is invalid for '--max-threads"),
        (["cleanup", "--before-seconds-ago", "soon"], "The value 'soon' is invalid"),
    ])
    func malformedValuesAreUsageErrors(arguments: [String], message: String) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(arguments + ["--database-url", Self.unreachableURL], env: Binary.environment(home: home.path))
        expectOneLine(result, status: 2, containing: message)
    }

    @Test(arguments: [
        (["start", "--no-tui"], "GOOD_JOB_MAX_THREADS", "lots", "GOOD_JOB_MAX_THREADS=\"lots\": give a whole number of threads in 1…1000"),
        (["start", "--no-tui"], "GOOD_JOB_CRON", "{\"nightly\": {\"cron\": \"99 * * * *\", \"class\": \"X\"}}",
         "GOOD_JOB_CRON: "),
        (["cron", "list"], "GOOD_JOB_CRON", "[1]", "GOOD_JOB_CRON: "),
    ])
    func badEnvironmentValuesAreUsageErrorsNamingTheVariable(command: [String], name: String, value: String,
                                                             message: String) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(command + ["--database-url", Self.unreachableURL],
                                          env: Binary.environment(home: home.path, [name: value]))
        expectOneLine(result, status: 2, containing: message)
    }

    @Test(arguments: databaseCommands)
    func anUnreachableDatabaseIsARuntimeErrorWithoutThePassword(command: [String]) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let flag = try await Binary.run(command + ["--database-url", Self.unreachableURL], env: Binary.environment(home: home.path))
        expectOneLine(flag, status: 1, containing: "cannot connect to database \"nowhere\" on 127.0.0.1:1")
        #expect(flag.stderr.contains("start PostgreSQL or set DATABASE_URL"))
        let env = try await Binary.run(command, env: Binary.environment(home: home.path, ["DATABASE_URL": Self.unreachableURL]))
        expectOneLine(env, status: 1, containing: "cannot connect to database \"nowhere\" on 127.0.0.1:1")
    }

    /// The stock binary's `start` refuses before connecting: it has no job types (an app binary has).
    @Test func stockStartSaysItHasNoJobTypesWithoutConnecting() async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(["start", "--no-tui", "--database-url", Self.unreachableURL],
                                          env: Binary.environment(home: home.path))
        expectOneLine(result, status: 2, containing: "this binary has no job types, so it runs no worker")
        #expect(result.stderr.contains("GafferCommand.run(app:") && result.stderr.contains("Library use"))
    }

    @Test(arguments: [["status"], ["migrate"], ["demo", "--no-tui", "--duration", "1"]])
    func missingPostgreSQLBinariesAreNamedWithTheFix(command: [String]) async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(command, env: Binary.environment(home: home.path, ["GAFFER_POSTGRES_BIN": home.path + "/no-bin"]))
        expectOneLine(result, status: 1, containing: "PostgreSQL server binaries (initdb, pg_ctl) not found")
        #expect(result.stderr.contains("set DATABASE_URL"))
    }

    @Test func aPasswordInAWorkingURLNeverAppearsEither() async throws {
        let config = try await TestServerDatabase.fresh()
        let home = ScratchHome()
        defer { home.remove() }
        _ = try await Binary.run(["migrate", "--database-url", config], env: Binary.environment(home: home.path))
        let url = config + " password=\(Self.secret)"
        for command in [["status"], ["status", "--json"], ["cron", "list"], ["migrate"], ["cleanup"]] {
            let result = try await Binary.run(command + ["--database-url", url], env: Binary.environment(home: home.path))
            #expect(!result.output.contains(Self.secret), "\(command): \(result.output)")
        }
    }
}
