import Foundation
import GafferTestSupport
import Postgres
import Testing

enum BuiltGaffer {
    static var url: URL { WorkerProcess.binary.deletingLastPathComponent().appendingPathComponent("gaffer") }
    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: url.path) }
}

/// `gaffer migrate` against the embedded default: the server is created, started, used and stopped again.
@Suite("the embedded server starts as root and as an ordinary user", .enabled(if: BuiltGaffer.isBuilt, "gaffer is not built"))
struct EmbeddedServerTests {
    static var gaffer: URL { BuiltGaffer.url }

    /// Runs `gaffer migrate` with a fresh GAFFER_HOME, as `user` (nil: ourselves); returns status and output.
    static func migrate(as user: String?) async throws -> (status: Int32, output: String, home: String) {
        let home = "/tmp/gaffer-e2e-\(getpid())-\(UInt16.random(in: 0...UInt16.max))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let process = Process()
        var arguments = ["env", "GAFFER_HOME=\(home)", gaffer.path, "migrate"]
        if let user {
            var uid: uid_t = 0, gid: gid_t = 0
            guard let pw = getpwnam(user) else { throw PostgresError(.serverFailed, "no user \(user)") }
            uid = pw.pointee.pw_uid
            gid = pw.pointee.pw_gid
            chown(home, uid, gid)
            arguments = ["runuser", "-u", user, "--"] + arguments
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("PG") || key == "DATABASE_URL" { env[key] = nil }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let reader = pipe.fileHandleForReading
        let (status, output) = try await Blocking.run {
            let output = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        return (status, output, home)
    }

    static func expectCreatedAndStopped(_ run: (status: Int32, output: String, home: String)) {
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("created  table good_jobs"))
        #expect(run.output.contains("using the embedded PostgreSQL in \(run.home)/postgres/data"))
        // The short command started the server, so it stopped it again.
        #expect(!FileManager.default.fileExists(atPath: run.home + "/postgres/data/postmaster.pid"))
        try? FileManager.default.removeItem(atPath: run.home)
    }

    @Test func asTheCurrentUser() async throws {
        Self.expectCreatedAndStopped(try await Self.migrate(as: nil))
    }

    @Test(.enabled(if: geteuid() == 0 && getpwnam("nobody") != nil, "needs root to switch to an ordinary user"))
    func asAnOrdinaryUserWhenWeAreRoot() async throws {
        Self.expectCreatedAndStopped(try await Self.migrate(as: "nobody"))
    }
}
