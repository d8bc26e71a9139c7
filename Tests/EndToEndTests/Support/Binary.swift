import Foundation
import GafferTestSupport
import Testing

/// Runs the package's built executables (`.build/debug/gaffer`, `gaffer-example`) as a user would.
///
/// They are found from this file's path; `swift build` (the CI script's `swift build --build-tests`)
/// must have built them first.
enum Binary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
        var output: String { stdout + stderr }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) throws -> String {
        let path = packageRoot.appendingPathComponent(".build/debug/\(name)").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BinaryError(description: "\(path) is missing; run `swift build` before `swift test`")
        }
        return path
    }

    /// A clean environment: no database settings from the test run leak in unless given.
    static func environment(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var env: [String: String] = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "GAFFER_HOME": home, "LANG": "C.UTF-8"]
        if let home = inherited["HOME"] { env["HOME"] = home }
        env.merge(extra) { _, new in new }
        return env
    }

    /// Runs to completion (killing it after `timeout` seconds, stretched on CI) and returns its exit status and output.
    static func run(_ arguments: [String], env: [String: String], binary: String = "gaffer", timeout: Double = 120)
        async throws -> Result
    {
        let process = try start(arguments, env: env, binary: binary)
        return try await process.wait(timeout: timeout)
    }

    static func start(_ arguments: [String], env: [String: String], binary: String = "gaffer") throws -> Running {
        try Running(executable: try path(binary), arguments: arguments, env: env)
    }

    /// A started binary; its output goes to temporary files so no pipe can fill up and stall it.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let outURL: URL
        private let errURL: URL
        private let exited = DispatchSemaphore(value: 0)

        init(executable: String, arguments: [String], env: [String: String]) throws {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("gaffer-e2e-out-\(UUID().uuidString)")
            outURL = base.appendingPathExtension("stdout")
            errURL = base.appendingPathExtension("stderr")
            FileManager.default.createFile(atPath: outURL.path, contents: nil)
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = env
            process.standardInput = FileHandle.nullDevice
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            // The child has its own copies once it runs. Ours are closed here, not left to deinit: Foundation keeps
            // the Process (and so these handles) alive, and hundreds of leaked descriptors make its own Process.run
            // overread /proc/self/fd's listing and crash the test process.
            defer {
                try? out.close()
                try? err.close()
            }
            process.standardOutput = out
            process.standardError = err
            process.terminationHandler = { [exited] _ in exited.signal() }
            try process.run()
        }

        func signal(_ number: Int32) {
            kill(process.processIdentifier, number)
        }

        /// Waits, off the cooperative pool, for the exit; kills the process after `timeout` seconds (stretched on CI).
        func wait(timeout: Double) async throws -> Result {
            let allowed = TestRun.patient(timeout)
            return try await Blocking.run { try self.waitBlocking(allowed) }
        }

        private func waitBlocking(_ timeout: Double) throws -> Result {
            let pid = process.processIdentifier
            let deadline = DispatchTime.now() + timeout
            var status: Int32?
            var zombieSince: DispatchTime?
            while status == nil {
                if exited.wait(timeout: min(deadline, .now() + 1)) == .success {
                    status = process.terminationStatus
                    break
                }
                // Foundation reaps the child and calls the termination handler. Should that not happen (CI once
                // waited 720 s for a command that exits in milliseconds), a zombie left for 2 s is reaped here.
                if Self.state(of: pid) == "Z" {
                    let since = zombieSince ?? .now()
                    zombieSince = since
                    if DispatchTime.now() >= since + 2 { status = Self.reap(pid) }
                } else {
                    zombieSince = nil
                }
                if status == nil && DispatchTime.now() >= deadline {
                    let state = Self.state(of: pid).map { "state \($0)" } ?? "gone"
                    process.terminate()
                    _ = exited.wait(timeout: .now() + 10)
                    throw BinaryError(description: "\(process.arguments ?? []) did not exit within \(timeout) s (pid \(pid) \(state))")
                }
            }
            defer {
                try? FileManager.default.removeItem(at: outURL)
                try? FileManager.default.removeItem(at: errURL)
            }
            return Result(status: status ?? -1,
                          stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
        }

        /// The process state letter from `/proc/<pid>/stat` (`R`, `S`, `Z`, …); nil once it is gone.
        static func state(of pid: Int32) -> String? {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
        }

        /// Reaps `pid`; its exit status, or the signal that ended it (as `Process.terminationStatus` gives it).
        static func reap(_ pid: Int32) -> Int32? {
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
            return raw & 0x7f == 0 ? (raw >> 8) & 0xff : raw & 0x7f
        }
    }

    struct BinaryError: Error, CustomStringConvertible {
        let description: String
    }
}

/// A scratch `GAFFER_HOME` under /tmp (short, so a socket path fits; reachable by the server's user).
struct ScratchHome {
    let path = "/tmp/gaffer-e2e-\(UInt32.random(in: 0...UInt32.max))"

    func remove() {
        ScratchRemoval.removeInBackground(path)
    }
}
